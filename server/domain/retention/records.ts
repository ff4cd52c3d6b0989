import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiIdempotency, apiRateWindows, rateEvents, signInAttempts } from '@/db/schema';
import { jobQueue } from '../../jobs/queue';
import { inBatches } from '../shared/batches';
import {
  API_WINDOW_KEEP_MS,
  cutoff,
  DONE_JOB_MS,
  FAILED_JOB_MS,
  IDEMPOTENCY_KEEP_MS,
  RATE_EVENT_MS,
  SIGN_IN_ATTEMPT_MS,
} from './windows';

// Working rows that only matter for a while: finished jobs, rate-limit attempts, sign-in
// attempts. Each is removed in batches, one short transaction a batch, so a large backlog
// never holds its locks for long; rows another instance's sweep holds are skipped, so
// instances sweeping at once split the work instead of waiting on each other.

/** Rows removed in one transaction. */
export const BATCH_SIZE = 1000;

/** Jobs that finished: done ones after DONE_JOB_MS, failed ones after FAILED_JOB_MS; the queue removes them. */
export const sweepJobs = (db: Db, now: Date) =>
  jobQueue.removeFinished(db, { doneBefore: cutoff(now, DONE_JOB_MS), failedBefore: cutoff(now, FAILED_JOB_MS) });

/** Rate-limit attempts older than any limit counts (RATE_EVENT_MS). */
export const sweepRateEvents = async (db: Db, now: Date) => {
  const before = cutoff(now, RATE_EVENT_MS);
  const rateEventsRemoved = await inBatches(db, BATCH_SIZE, async (tx) => {
    const due = tx
      .select({ id: rateEvents.id })
      .from(rateEvents)
      .where(lt(rateEvents.at, before))
      .limit(BATCH_SIZE)
      .for('update', { skipLocked: true });
    const gone = await tx.delete(rateEvents).where(inArray(rateEvents.id, due)).returning({ id: rateEvents.id });
    return gone.length;
  });
  return { rateEvents: rateEventsRemoved };
};

/** Sign-in attempts older than the throttle reads (SIGN_IN_ATTEMPT_MS); failures stay in the audit log. Walked by id. */
export const sweepSignInAttempts = async (db: Db, now: Date) => {
  const before = cutoff(now, SIGN_IN_ATTEMPT_MS);
  let after = 0;
  const removed = await inBatches(db, BATCH_SIZE, async (tx) => {
    const due = tx
      .select({ id: signInAttempts.id })
      .from(signInAttempts)
      .where(and(gt(signInAttempts.id, after), lt(signInAttempts.at, before)))
      .orderBy(signInAttempts.id)
      .limit(BATCH_SIZE)
      .for('update', { skipLocked: true });
    const gone = await tx
      .delete(signInAttempts)
      .where(inArray(signInAttempts.id, due))
      .returning({ id: signInAttempts.id });
    for (const a of gone) after = Math.max(after, a.id);
    return gone.length;
  });
  return { signInAttempts: removed };
};

/** API call counts of minutes long past, and idempotency keys older than a day (IDEMPOTENCY_KEEP_MS). */
export const sweepApiWorkingRows = async (db: Db, now: Date) => {
  const windowsBefore = cutoff(now, API_WINDOW_KEEP_MS);
  const apiRateWindowsRemoved = await inBatches(db, BATCH_SIZE, async (tx) => {
    const gone = await tx.execute(
      sql`delete from ${apiRateWindows} where ctid in (select ctid from ${apiRateWindows} where window_start < ${windowsBefore.toISOString()}::timestamptz limit ${BATCH_SIZE} for update skip locked) returning 1`,
    );
    return rowCount(gone);
  });
  const keysBefore = cutoff(now, IDEMPOTENCY_KEEP_MS);
  const idempotencyKeysRemoved = await inBatches(db, BATCH_SIZE, async (tx) => {
    const gone = await tx.execute(
      sql`delete from ${apiIdempotency} where ctid in (select ctid from ${apiIdempotency} where created_at < ${keysBefore.toISOString()}::timestamptz limit ${BATCH_SIZE} for update skip locked) returning 1`,
    );
    return rowCount(gone);
  });
  return { apiRateWindows: apiRateWindowsRemoved, idempotencyKeys: idempotencyKeysRemoved };
};

const rowCount = (result: unknown) =>
  Array.isArray(result) ? result.length : ((result as { rows?: unknown[] }).rows ?? []).length;
