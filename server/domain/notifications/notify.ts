import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { NotificationKind, OrgType, Role } from '@/lib/enums';
import { notifications, organizations, users } from '@/db/schema';

export type Audience =
  /** The active users of one organization holding one of these roles. */
  | { orgId: string; roles: readonly Role[]; except?: string }
  /** Platform staff in these roles. */
  | { platformRoles: readonly Role[]; except?: string }
  | { userId: string };

const recipients = async (tx: DbOrTx, to: Audience): Promise<string[]> => {
  if ('userId' in to) return [to.userId];
  const orgFilter =
    'orgId' in to
      ? eq(users.orgId, to.orgId)
      : inArray(
          users.orgId,
          tx
            .select({ id: organizations.id })
            .from(organizations)
            .where(eq(organizations.type, 'platform' satisfies OrgType)),
        );
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        orgFilter,
        inArray(users.role, [...('orgId' in to ? to.roles : to.platformRoles)]),
        isNull(users.disabledAt),
        to.except ? ne(users.id, to.except) : undefined,
      ),
    );
  return rows.map((r) => r.id);
};

/** Writes the notification for every recipient inside the caller's transaction, with the change it reports. */
export const notify = async (
  tx: Tx,
  to: Audience,
  kind: NotificationKind,
  params: Record<string, string>,
  link: string,
) => {
  const ids = await recipients(tx, to);
  if (ids.length === 0) return;
  await tx.insert(notifications).values(ids.map((userId) => ({ userId, kind, params, link })));
};
