import { and, eq, gt, inArray, lt, lte, min, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import { jobs, type JobRow } from '@/db/schema';
import { inBatches } from '../domain/shared/batches';
import { describeJobError, type ClaimedJob, type JobQueue, type NewJob, type ScheduledJob } from './job-queue';

// The job queue in PostgreSQL (DESIGN §8), the app's JobQueue. Enqueue inside the
// transaction of the change that asks for the work, so the job exists exactly when the
// change committed. Workers in any number of app instances claim due jobs with FOR UPDATE
// SKIP LOCKED under a lease. Each enqueue also notifies JOBS_CHANNEL in that transaction:
// PostgreSQL delivers the notification when the change commits and never when it rolls
// back, so a listening worker wakes exactly when the job exists.

/** The LISTEN/NOTIFY channel a worker waits on; the payload is the job's kind. */
export const JOBS_CHANNEL = 'daylight_jobs';

const notifyWorkers = (tx: Tx, kind: string) => tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${kind})`);

/** Adds a job; with a key, at most one job of that kind and key ever exists (the first wins). */
export const enqueue = async (tx: Tx, job: NewJob): Promise<void> => {
  const added = await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      key: job.key ?? null,
      payload: job.payload ?? {},
      runAt: job.runAt ?? new Date(),
      maxAttempts: job.maxAttempts ?? 3,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (added.length > 0) await notifyWorkers(tx, job.kind);
};

/** Moves a keyed job that has not run yet to a new time (a deadline that moved), or adds it. */
export const reschedule = async (tx: Tx, job: ScheduledJob): Promise<void> => {
  await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      key: job.key,
      payload: job.payload ?? {},
      runAt: job.runAt,
      maxAttempts: job.maxAttempts ?? 3,
    })
    .onConflictDoUpdate({
      target: [jobs.kind, jobs.key],
      set: { runAt: job.runAt, status: 'queued', attempts: 0, finishedAt: null, lastError: null },
    });
  await notifyWorkers(tx, job.kind);
};

const LEASE_MS = 10 * 60_000;
/** Finished jobs removed in one transaction. */
const REMOVE_BATCH = 1000;

/** Claims one due job (or one whose worker's lease ran out), or null when none is due. */
export const claimJob = async (db: Db, now: Date, kinds: readonly string[]): Promise<JobRow | null> => {
  if (kinds.length === 0) return null;
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, [...kinds]),
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now)),
        ),
      ),
    )
    .orderBy(jobs.runAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [job] = await db
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(jobs.id, due))
    .returning();
  return job ?? null;
};

/**
 * The job row as long as this run owns it: a job whose lease ran out and was claimed
 * again, that was rescheduled while running (a moved deadline) or that was given back
 * (releaseJob) belongs to its new run.
 */
const ownedBy = (job: ClaimedJob) =>
  and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts), eq(jobs.runAt, job.runAt));

const completeJob = async (db: Db, job: ClaimedJob, now: Date) => {
  await db.update(jobs).set({ status: 'done', finishedAt: now, lockedUntil: null }).where(ownedBy(job));
};

const failJob = async (db: Db, job: ClaimedJob, error: unknown, now: Date) => {
  const message = describeJobError(error);
  const isLast = job.attempts >= job.maxAttempts;
  // Retry with a growing delay: 30 s, 2 min, 8 min …
  const retryAt = new Date(now.getTime() + 30_000 * 4 ** (job.attempts - 1));
  await db
    .update(jobs)
    .set(
      isLast
        ? { status: 'failed', finishedAt: now, lastError: message, lockedUntil: null }
        : { status: 'queued', runAt: retryAt, lastError: message, lockedUntil: null },
    )
    .where(ownedBy(job));
};

/** Keeps the lease of a running job alive, so a long import is not claimed by a second worker. */
const heartbeat = (db: Db, job: ClaimedJob) => {
  const timer = setInterval(() => {
    db.update(jobs)
      .set({ lockedUntil: new Date(Date.now() + LEASE_MS) })
      .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts)))
      .catch((e: unknown) => console.error(`job ${job.kind}#${job.id} heartbeat failed: ${describeJobError(e)}`));
  }, LEASE_MS / 3);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Gives a running job back to the queue at once, due now, and wakes the workers: a worker
 * stopping (a deploy) before its job finished, so that another takes it over without
 * waiting for the lease to run out. The interrupted run did not fail, so it does not count
 * against the job's attempts; `attempts` still grows, so the interrupted run, should it
 * finish after all, no longer owns the job.
 */
export const releaseJob = async (db: Db, job: ClaimedJob, now: Date): Promise<boolean> =>
  db.transaction(async (tx) => {
    const released = await tx
      .update(jobs)
      .set({ status: 'queued', runAt: now, lockedUntil: null, maxAttempts: sql`${jobs.maxAttempts} + 1` })
      .where(ownedBy(job))
      .returning({ id: jobs.id });
    if (released.length > 0) await notifyWorkers(tx, job.kind);
    return released.length > 0;
  });

/** When the next queued job of these kinds falls due (null when none is queued). */
export const nextDueAt = async (db: Db, kinds: readonly string[]): Promise<Date | null> => {
  if (kinds.length === 0) return null;
  const [row] = await db
    .select({ at: min(jobs.runAt) })
    .from(jobs)
    .where(and(eq(jobs.status, 'queued'), inArray(jobs.kind, [...kinds])));
  return row?.at ?? null;
};

const isPending = async (db: DbOrTx, kind: string, payload: Readonly<Record<string, string>>, dueBy: Date) => {
  const rows = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, kind),
        ...Object.entries(payload).map(([key, value]) => sql`${jobs.payload} ->> ${key}::text = ${value}`),
        inArray(jobs.status, ['queued', 'running']),
        lte(jobs.runAt, dueBy),
      ),
    )
    .limit(1);
  return rows.length > 0;
};

/**
 * Jobs that finished long enough ago, in batches of their own transaction. Queued and
 * running jobs are never touched. Walked by id, so each batch starts where the last ended.
 */
const removeFinished = async (db: Db, { doneBefore, failedBefore }: { doneBefore: Date; failedBefore: Date }) => {
  const counts = { doneJobs: 0, failedJobs: 0 };
  const isFinishedLongAgo = or(
    and(eq(jobs.status, 'done'), lt(jobs.finishedAt, doneBefore)),
    and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, failedBefore)),
  );
  let after = 0;
  await inBatches(db, REMOVE_BATCH, async (tx) => {
    const due = tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(gt(jobs.id, after), isFinishedLongAgo))
      .orderBy(jobs.id)
      .limit(REMOVE_BATCH)
      .for('update', { skipLocked: true });
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

export const postgresJobQueue: JobQueue = {
  enqueue,
  reschedule,
  claim: claimJob,
  keepAlive: heartbeat,
  complete: completeJob,
  fail: failJob,
  release: releaseJob,
  nextDueAt,
  listensOn: JOBS_CHANNEL,
  // A handle that cannot listen (the embedded database) leaves the worker to poll.
  listen: async (handle, onJob, onListen) => (handle.listen ? handle.listen(JOBS_CHANNEL, onJob, onListen) : null),
  isPending,
  removeFinished,
};
