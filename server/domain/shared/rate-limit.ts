import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { rateEvents } from '@/db/schema';

// Rate limits on what anyone may do without an account (filing a complaint, uploading its
// evidence, following it), counted in the database so that every instance sees the same
// count. Each attempt is recorded in its own transaction before the work it guards: an
// attempt that then fails (a wrong ID digit) still counts, so the limit also stops guessing.

export type RateLimit = { limit: number; windowMs: number };

/**
 * The longest window a limit may count over. The retention sweep keeps attempts this long
 * (and a little more), so a limit reading further back would miss attempts: it is refused.
 */
export const LONGEST_RATE_WINDOW_MS = 24 * 60 * 60_000;

/** How many attempts `key` made inside the window ending at `now`. */
export const attemptsOf = async (db: DbOrTx, key: string, windowMs: number, now = new Date()) => {
  if (windowMs > LONGEST_RATE_WINDOW_MS)
    throw new Error(`a rate limit window of ${windowMs} ms is longer than the attempts are kept`);
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

/**
 * One count a guessable check keeps: `rule` says when it blocks the check, null when it is
 * only counted (how often a contract was guessed at, from anywhere, decides whether the
 * next attempt must bring a proof of work, but never locks anyone out).
 */
export type Guard = { key: string; rule: RateLimit | null };

export type GuardedResult<T> = { found: T | null; blocked: boolean };

/**
 * A check that can be guessed at (a contract's ID digits): run under a lock on each of its
 * keys, so parallel guesses queue; once any blocking key has `limit` failures on record
 * within its window the check is not even run. A failure is recorded on every key in the
 * same transaction and committed with it; the caller raises its refusal afterwards.
 * Answers what the check found, or null and whether a limit stopped it.
 */
export const guardedCheck = <T>(
  db: DbOrTx,
  guards: readonly Guard[],
  check: (tx: Tx) => Promise<T | null>,
  now = new Date(),
): Promise<GuardedResult<T>> =>
  db.transaction(async (tx) => {
    // Always in the same order, so two checks sharing keys never wait on each other in a cycle.
    for (const key of [...new Set(guards.map((g) => g.key))].sort())
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${key}`}, 0))`);
    let blocked = false;
    for (const g of guards)
      if (g.rule && (await attemptsOf(tx, g.key, g.rule.windowMs, now)) >= g.rule.limit) blocked = true;
    const found = blocked ? null : await check(tx);
    if (found !== null) return { found, blocked: false };
    await tx.insert(rateEvents).values(guards.map((g) => ({ key: g.key, at: now })));
    return { found: null, blocked };
  });
