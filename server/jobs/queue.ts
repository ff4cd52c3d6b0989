import { and, eq, inArray, lt, lte, min, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { jobs, type JobRow } from '@/db/schema';

// The job queue in PostgreSQL (DESIGN §8). Enqueue inside the transaction of the change
// that asks for the work, so the job exists exactly when the change committed. Workers in
// any number of app instances claim due jobs with FOR UPDATE SKIP LOCKED under a lease.
// Each enqueue also notifies JOBS_CHANNEL in that transaction: PostgreSQL delivers the
// notification when the change commits and never when it rolls back, so a listening worker
// wakes exactly when the job exists.

/** The LISTEN/NOTIFY channel a worker waits on; the payload is the job's kind. */
export const JOBS_CHANNEL = 'daylight_jobs';

const notifyWorkers = (tx: DbOrTx, kind: string) => tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${kind})`);

export type JobHandler = (db: Db, job: JobRow, now: Date) => Promise<void>;

export type NewJob = { kind: string; key?: string; payload?: Record<string, unknown>; runAt?: Date; maxAttempts?: number };

/** Adds a job; with a key, at most one job of that kind and key ever exists (the first wins). */
export const enqueue = async (tx: DbOrTx, job: NewJob): Promise<void> => {
  const added = await tx
    .insert(jobs)
    .values({ kind: job.kind, key: job.key ?? null, payload: job.payload ?? {}, runAt: job.runAt ?? new Date(), maxAttempts: job.maxAttempts ?? 3 })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (added.length > 0) await notifyWorkers(tx, job.kind);
};

/** Moves a keyed job that has not run yet to a new time (a deadline that moved), or adds it. */
export const reschedule = async (tx: DbOrTx, job: NewJob & { key: string; runAt: Date }): Promise<void> => {
  await tx
    .insert(jobs)
    .values({ kind: job.kind, key: job.key, payload: job.payload ?? {}, runAt: job.runAt, maxAttempts: job.maxAttempts ?? 3 })
    .onConflictDoUpdate({ target: [jobs.kind, jobs.key], set: { runAt: job.runAt, status: 'queued', attempts: 0, finishedAt: null, lastError: null } });
  await notifyWorkers(tx, job.kind);
};

const LEASE_MS = 10 * 60_000;

/** Claims one due job (or one whose worker's lease ran out), or null when none is due. */
export const claimJob = async (db: Db, now: Date, kinds: readonly string[]): Promise<JobRow | null> => {
  if (kinds.length === 0) return null;
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, [...kinds]),
        or(and(eq(jobs.status, 'queued'), lte(jobs.runAt, now)), and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, now))),
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
 * What a failure says in logs and in `jobs.last_error`: the database's own message, never
 * the failed statement's parameters (an import batch carries debtor details).
 */
export const describeJobError = (error: unknown): string => {
  const e = error as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } } | null;
  const cause = e?.cause;
  if (cause && typeof cause.message === 'string') return `${typeof cause.code === 'string' ? `${cause.code} ` : ''}${cause.message}`.slice(0, 500);
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return message.split(/\bparams:/)[0]?.slice(0, 500) ?? '';
};

/**
 * The job row as long as this run owns it: a job whose lease ran out and was claimed
 * again, that was rescheduled while running (a moved deadline) or that was given back
 * (releaseJob) belongs to its new run.
 */
const ownedBy = (job: JobRow) => and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts), eq(jobs.runAt, job.runAt));

/** Records the outcome, only if this run still owns the job. */
const finish = async (db: Db, job: JobRow, error: unknown, now: Date) => {
  const stillOurs = ownedBy(job);
  if (!error) {
    await db.update(jobs).set({ status: 'done', finishedAt: now, lockedUntil: null }).where(stillOurs);
    return;
  }
  const message = describeJobError(error);
  const isLast = job.attempts >= job.maxAttempts;
  // Retry with a growing delay: 30 s, 2 min, 8 min …
  const retryAt = new Date(now.getTime() + 30_000 * 4 ** (job.attempts - 1));
  await db
    .update(jobs)
    .set(isLast ? { status: 'failed', finishedAt: now, lastError: message, lockedUntil: null } : { status: 'queued', runAt: retryAt, lastError: message, lockedUntil: null })
    .where(stillOurs);
};

/** Keeps the lease of a running job alive, so a long import is not claimed by a second worker. */
const heartbeat = (db: Db, job: JobRow) => {
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
export const releaseJob = async (db: Db, job: JobRow, now: Date): Promise<boolean> =>
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

export type DrainOptions = {
  now?: () => Date;
  limit?: number;
  /** Once aborted, no further job is claimed; the running one finishes. */
  signal?: AbortSignal;
  onStart?: (job: JobRow) => void;
  onFinish?: (job: JobRow, error: unknown) => void;
};

/** Runs due jobs one at a time until none is left (or `limit` ran); returns how many ran. */
export const drainJobs = async (db: Db, handlers: Readonly<Record<string, JobHandler>>, { now = () => new Date(), limit = 100, signal, onStart, onFinish }: DrainOptions = {}): Promise<number> => {
  let ran = 0;
  while (ran < limit && !signal?.aborted) {
    const job = await claimJob(db, now(), Object.keys(handlers));
    if (!job) break;
    ran += 1;
    onStart?.(job);
    const handler = handlers[job.kind];
    let error: unknown = null;
    const stop = heartbeat(db, job);
    try {
      if (handler) await handler(db, job, now());
    } catch (e) {
      error = e;
      console.error(`job ${job.kind}#${job.id} failed (attempt ${job.attempts}): ${describeJobError(e)}`);
    } finally {
      stop();
    }
    await finish(db, job, error, now());
    onFinish?.(job, error);
  }
  return ran;
};
