import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { jobs, type JobRow } from '@/db/schema';

// The job queue in PostgreSQL (DESIGN §8). Enqueue inside the transaction of the change
// that asks for the work, so the job exists exactly when the change committed. Workers in
// any number of app instances claim due jobs with FOR UPDATE SKIP LOCKED under a lease.

export type JobHandler = (db: Db, job: JobRow, now: Date) => Promise<void>;

export type NewJob = { kind: string; key?: string; payload?: Record<string, unknown>; runAt?: Date; maxAttempts?: number };

/** Adds a job; with a key, at most one job of that kind and key ever exists (the first wins). */
export const enqueue = async (tx: DbOrTx, job: NewJob): Promise<void> => {
  await tx
    .insert(jobs)
    .values({ kind: job.kind, key: job.key ?? null, payload: job.payload ?? {}, runAt: job.runAt ?? new Date(), maxAttempts: job.maxAttempts ?? 3 })
    .onConflictDoNothing();
};

/** Moves a keyed job that has not run yet to a new time (a deadline that moved), or adds it. */
export const reschedule = async (tx: DbOrTx, job: NewJob & { key: string; runAt: Date }): Promise<void> => {
  await tx
    .insert(jobs)
    .values({ kind: job.kind, key: job.key, payload: job.payload ?? {}, runAt: job.runAt, maxAttempts: job.maxAttempts ?? 3 })
    .onConflictDoUpdate({ target: [jobs.kind, jobs.key], set: { runAt: job.runAt, status: 'queued', attempts: 0, finishedAt: null, lastError: null } });
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
 * Records the outcome, only if this worker still owns the job: a job whose lease ran out
 * and was claimed again, or that was rescheduled while running (a moved deadline), is
 * left to its new run.
 */
const finish = async (db: Db, job: JobRow, error: unknown, now: Date) => {
  const stillOurs = and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempts), eq(jobs.runAt, job.runAt));
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

/** Runs due jobs one at a time until none is left (or `limit` ran); returns how many ran. */
export const drainJobs = async (db: Db, handlers: Readonly<Record<string, JobHandler>>, { now = () => new Date(), limit = 100 } = {}): Promise<number> => {
  let ran = 0;
  while (ran < limit) {
    const job = await claimJob(db, now(), Object.keys(handlers));
    if (!job) break;
    ran += 1;
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
  }
  return ran;
};
