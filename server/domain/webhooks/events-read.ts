import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { webhookEvents } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

// The organization's events as its endpoints were sent them (ids, counts, fen, masked data
// only), newest first: a system that was down, or whose endpoint was disabled, reads what it
// missed here (GET /api/v1/…/events) and deduplicates by id as it does deliveries.

export const listOrgEvents = async (
  db: DbOrTx,
  caller: Caller,
  input: { cursor?: string | null; limit: number; type?: string | undefined },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: webhookEvents.id,
      type: webhookEvents.type,
      data: webhookEvents.payload,
      createdAt: webhookEvents.createdAt,
    })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.orgId, caller.actor.orgId),
        input.type ? eq(webhookEvents.type, input.type) : undefined,
        cursor ? afterCursor(webhookEvents.createdAt, webhookEvents.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookEvents.createdAt), desc(webhookEvents.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items, nextCursor: page.nextCursor };
};
