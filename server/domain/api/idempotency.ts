import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiIdempotency } from '@/db/schema';
import { DomainError } from '../../errors';
import { executeRows } from '../shared/execute';

// Idempotency-Key (/api/v1): the first request with a key is answered and its answer kept;
// a retry with the same key and the same body gets that answer again without doing the
// work twice, the same key with another body or on another route is refused. The key is
// claimed before the work, in its own statement: no lock is held while the work runs.

/** A claim left by a request that never finished (its process died) may be taken over after this long. */
export const ABANDONED_MS = 5 * 60_000;
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

export type Claim = { kind: 'claimed' } | { kind: 'replay'; status: number; body: string };

export const bodyHash = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

/** Claims `key` for this request, or answers the stored reply of the first one. */
export const claimIdempotencyKey = async (
  db: Db,
  orgId: string,
  key: string,
  route: string,
  hash: string,
  now = new Date(),
): Promise<Claim> => {
  if (!IDEMPOTENCY_KEY.test(key)) throw new DomainError('api.idempotencyKey', { field: 'Idempotency-Key' });
  const claimed = await executeRows<{ key: string }>(
    db,
    sql`insert into ${apiIdempotency} (org_id, key, route, body_hash, created_at)
        values (${orgId}::uuid, ${key}, ${route}, ${hash}, ${now.toISOString()}::timestamptz)
        on conflict (org_id, key) do update set created_at = excluded.created_at
          where ${apiIdempotency}.status is null and ${apiIdempotency}.created_at < ${new Date(now.getTime() - ABANDONED_MS).toISOString()}::timestamptz
            and ${apiIdempotency}.route = excluded.route and ${apiIdempotency}.body_hash = excluded.body_hash
        returning key`,
  );
  if (claimed.length > 0) return { kind: 'claimed' };
  const [first] = await db
    .select()
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.orgId, orgId), eq(apiIdempotency.key, key)));
  if (!first) return claimIdempotencyKey(db, orgId, key, route, hash, now);
  if (first.route !== route || first.bodyHash !== hash)
    throw new DomainError('api.idempotencyReused', { field: 'Idempotency-Key' });
  if (first.status === null || first.response === null) throw new DomainError('api.idempotencyInFlight');
  return { kind: 'replay', status: first.status, body: first.response };
};

/** Keeps the answer for retries. */
export const keepIdempotentReply = async (db: Db, orgId: string, key: string, status: number, body: string) => {
  await db
    .update(apiIdempotency)
    .set({ status, response: body })
    .where(and(eq(apiIdempotency.orgId, orgId), eq(apiIdempotency.key, key), isNull(apiIdempotency.status)));
};

/** Lets the key go: the request failed for a reason a retry may not meet (the server, the database). */
export const releaseIdempotencyKey = async (db: Db, orgId: string, key: string) => {
  await db
    .delete(apiIdempotency)
    .where(and(eq(apiIdempotency.orgId, orgId), eq(apiIdempotency.key, key), isNull(apiIdempotency.status)));
};
