import type { Db, DbHandle, DbOrTx, Tx } from '@/db/client';

// What the app needs of a job queue, and all that domain code and the worker know of it.
// The queue in PostgreSQL (./postgres-queue.ts) is the one implementation; another (pg-boss,
// graphile-worker) takes its place in ./queue.ts without touching the callers. Each method
// takes the app's database: an implementation with connections of its own may ignore it,
// except in enqueue and reschedule, where the job must be part of the caller's transaction
// (they take a Tx, so a job queued beside its change does not compile).

export type NewJob = {
  kind: string;
  key?: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
};

/** A keyed job with a time: a deadline that can move. */
export type ScheduledJob = NewJob & { key: string; runAt: Date };

/** A job claimed by a worker, as its handler sees it. `attempts` counts this run. */
export type ClaimedJob = {
  id: number;
  kind: string;
  key: string | null;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  /** When it fell due; with `attempts`, tells this run from a later one of the same job. */
  runAt: Date;
};

export type JobHandler = (db: Db, job: ClaimedJob, now: Date) => Promise<void>;

export type JobQueue = {
  /**
   * Adds a job in the caller's transaction, so that it exists exactly when the change that
   * asks for it commits; with a key, at most one job of that kind and key ever exists (the
   * first wins). Workers hear of it on commit, never on a rollback.
   */
  enqueue: (tx: Tx, job: NewJob) => Promise<void>;
  /** Moves a keyed job that has not run yet to a new time (or adds it), in the caller's transaction. */
  reschedule: (tx: Tx, job: ScheduledJob) => Promise<void>;

  /** Claims one due job of these kinds for this worker alone (or one whose worker died), or null. */
  claim: (db: Db, now: Date, kinds: readonly string[]) => Promise<ClaimedJob | null>;
  /** Keeps a running job's claim alive until the returned function is called (a long import). */
  keepAlive: (db: Db, job: ClaimedJob) => () => void;
  /** The run succeeded. Changes nothing if the job is no longer this run's (claimed again, rescheduled, given back). */
  complete: (db: Db, job: ClaimedJob, now: Date) => Promise<void>;
  /** The run failed: the job is retried later, or given up after its attempts, keeping the error. Same ownership rule. */
  fail: (db: Db, job: ClaimedJob, error: unknown, now: Date) => Promise<void>;
  /**
   * Gives a running job back, due now, for another worker to take at once (a worker
   * stopping); the interrupted run does not count against its attempts. False if the job
   * was no longer this run's.
   */
  release: (db: Db, job: ClaimedJob, now: Date) => Promise<boolean>;
  /** When the next waiting job of these kinds falls due (null when none waits). */
  nextDueAt: (db: Db, kinds: readonly string[]) => Promise<Date | null>;

  /** What `listen` listens on, as the worker's log names it. */
  listensOn: string;
  /**
   * Calls `onJob` with a job's kind whenever one is queued, and `onListen` each time it
   * (re)starts listening; resolves to the function that stops it, or to null when this
   * database cannot listen (the worker then finds jobs by polling).
   */
  listen: (
    handle: Pick<DbHandle, 'listen'>,
    onJob: (kind: string) => void,
    onListen: () => void,
  ) => Promise<(() => Promise<void>) | null>;

  /** Whether a job of this kind whose payload has these values is running, or waiting and due by `dueBy`. */
  isPending: (db: DbOrTx, kind: string, payload: Readonly<Record<string, string>>, dueBy: Date) => Promise<boolean>;
  /** Removes jobs that finished: done ones before `doneBefore`, given-up ones before `failedBefore`. Never a waiting or running one. */
  removeFinished: (
    db: Db,
    before: { doneBefore: Date; failedBefore: Date },
  ) => Promise<{ doneJobs: number; failedJobs: number }>;
};

/**
 * What a failure says in logs and in the queue's record of it: the database's own message,
 * never the failed statement's parameters (an import batch carries debtor details).
 */
export const describeJobError = (error: unknown): string => {
  const e = error as { message?: unknown; code?: unknown; cause?: { message?: unknown; code?: unknown } } | null;
  const cause = e?.cause;
  if (cause && typeof cause.message === 'string')
    return `${typeof cause.code === 'string' ? `${cause.code} ` : ''}${cause.message}`.slice(0, 500);
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return message.split(/\bparams:/)[0]?.slice(0, 500) ?? '';
};
