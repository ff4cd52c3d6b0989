import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiRateWindows } from '@/db/schema';
import { executeRows } from '../shared/execute';

// Per-key rate limits (/api/v1), counted in PostgreSQL per minute so that every app
// instance counts the same calls. One upsert per call: parallel calls of a key serialise on
// its window's row for an instant, and the count each one reads back is its own.

export const RATE_WINDOW_MS = 60_000;

export type RateCount = {
  isAllowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  resetSeconds: number;
};

/** Counts one call of `keyId` in the current minute; refused calls are counted too (a client that keeps hammering stays refused). */
export const countApiCall = async (db: Db, keyId: string, limit: number, now = new Date()): Promise<RateCount> => {
  const start = new Date(Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS);
  // A count lost to a database crash costs nothing but a call or two more: it is not waited for on disk.
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return executeRows<{ calls: number }>(
      tx,
      sql`insert into ${apiRateWindows} (key_id, window_start, calls) values (${keyId}::uuid, ${start.toISOString()}::timestamptz, 1)
        on conflict (key_id, window_start) do update set calls = ${apiRateWindows}.calls + 1
        returning calls`,
    );
  });
  const calls = row?.calls ?? 1;
  return {
    isAllowed: calls <= limit,
    limit,
    remaining: Math.max(0, limit - calls),
    resetSeconds: Math.max(1, Math.ceil((start.getTime() + RATE_WINDOW_MS - now.getTime()) / 1000)),
  };
};
