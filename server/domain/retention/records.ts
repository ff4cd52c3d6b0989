import { and, eq, gt, inArray, lt, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { jobs, rateEvents, signInAttempts } from '@/db/schema';
import { cutoff, DONE_JOB_MS, FAILED_JOB_MS, RATE_EVENT_MS, SIGN_IN_ATTEMPT_MS } from './windows';

// Working rows that only matter for a while: finished jobs, rate-limit attempts, sign-in
// attempts. Each is removed in batches, one short transaction a batch, so a large backlog
// never holds its locks for long; rows another instance's sweep holds are skipped, so
// instances sweeping at once split the work instead of waiting on each other.

/** Rows removed in one transaction. */
export const BATCH_SIZE = 1000;
/** Batches in one run: a backlog larger than this is finished by the next runs. */
export const MAX_BATCHES = 200;

/** Runs `batch` in its own transaction until one removes fewer than `size` rows (or MAX_BATCHES ran); the total removed. */
export const inBatches = async (db: Db, size: number, batch: (tx: DbOrTx) => Promise<number>): Promise<number> => {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const removed = await db.transaction(batch);
    total += removed;
    if (removed < size) break;
  }
  return total;
};

/**
 * Jobs that finished: done ones after DONE_JOB_MS, failed ones after FAILED_JOB_MS. Queued
 * and running jobs are never touched. Walked by id, so each batch starts where the last ended.
 */
export const sweepJobs = async (db: Db, now: Date) => {
  const counts = { doneJobs: 0, failedJobs: 0 };
  const isFinishedLongAgo = or(
    and(eq(jobs.status, 'done'), lt(jobs.finishedAt, cutoff(now, DONE_JOB_MS))),
    and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, cutoff(now, FAILED_JOB_MS))),
  );
  let after = 0;
  await inBatches(db, BATCH_SIZE, async (tx) => {
    const due = tx.select({ id: jobs.id }).from(jobs).where(and(gt(jobs.id, after), isFinishedLongAgo)).orderBy(jobs.id).limit(BATCH_SIZE).for('update', { skipLocked: true });
    const gone = await tx.delete(jobs).where(inArray(jobs.id, due)).returning({ id: jobs.id, status: jobs.status });
    for (const j of gone) {
      if (j.status === 'done') counts.doneJobs += 1;
      else counts.failedJobs += 1;
      after = Math.max(after, j.id);
    }
    return gone.length;
  });
  return counts;
};

/** Rate-limit attempts older than any limit counts (RATE_EVENT_MS). */
export const sweepRateEvents = async (db: Db, now: Date) => {
  const before = cutoff(now, RATE_EVENT_MS);
  const rateEventsRemoved = await inBatches(db, BATCH_SIZE, async (tx) => {
    const due = tx.select({ id: rateEvents.id }).from(rateEvents).where(lt(rateEvents.at, before)).limit(BATCH_SIZE).for('update', { skipLocked: true });
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
    const gone = await tx.delete(signInAttempts).where(inArray(signInAttempts.id, due)).returning({ id: signInAttempts.id });
    for (const a of gone) after = Math.max(after, a.id);
    return gone.length;
  });
  return { signInAttempts: removed };
};
