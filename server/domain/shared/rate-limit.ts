import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rateEvents } from '@/db/schema';

// Rate limits on what anyone may do without an account (filing a complaint, uploading its
// evidence, following it), counted in the database so that every instance sees the same
// count. Each attempt is recorded in its own transaction before the work it guards: an
// attempt that then fails (a wrong ID digit) still counts, so the limit also stops guessing.

export type RateLimit = { limit: number; windowMs: number };

/** How many attempts `key` made inside the window ending at `now`. */
export const attemptsOf = async (db: DbOrTx, key: string, windowMs: number, now = new Date()) => {
  const [row] = await db
    .select({ n: count() })
    .from(rateEvents)
    .where(and(eq(rateEvents.key, key), gt(rateEvents.at, new Date(now.getTime() - windowMs))));
  return row?.n ?? 0;
};

/**
 * Records one attempt for `key` unless the limit is already reached; answers whether the
 * attempt may go ahead. Parallel attempts of one key queue on an advisory lock, so a burst
 * cannot slip past the count.
 */
export const takeAttempt = (db: DbOrTx, key: string, rule: RateLimit, now = new Date()): Promise<boolean> =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${key}`}, 0))`);
    if ((await attemptsOf(tx, key, rule.windowMs, now)) >= rule.limit) return false;
    await tx.insert(rateEvents).values({ key, at: now });
    return true;
  });

/** Records an event for `key` without a limit (e.g. a failed verification, counted against its case). */
export const recordAttempt = async (db: DbOrTx, key: string, now = new Date()) => {
  await db.insert(rateEvents).values({ key, at: now });
};
