import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { writeAudit } from '../../audit/write';
import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import type { Caller } from '../../auth/actor';

/** The caller's latest notifications and how many are unread. Only ever the caller's own. */
export const listNotifications = async (db: DbOrTx, caller: Caller, limit: number) => {
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      params: notifications.params,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, caller.actor.userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [{ unread } = { unread: 0 }] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, caller.actor.userId), isNull(notifications.readAt)));
  return { items, unread };
};

/** Marks the caller's own notifications read (the given ones, or all); another user's ids are ignored. */
export const markNotificationsRead = async (db: DbOrTx, caller: Caller, ids: readonly string[] | 'all') =>
  db.transaction(async (tx) => {
    const mine = and(eq(notifications.userId, caller.actor.userId), isNull(notifications.readAt));
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(ids === 'all' ? mine : and(mine, inArray(notifications.id, [...ids])))
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await writeAudit(tx, caller, {
        action: 'notification.read',
        resourceType: 'user',
        resourceId: caller.actor.userId,
        orgId: caller.actor.orgId,
        after: { count: rows.length },
      });
    }
    return { marked: rows.length };
  });
