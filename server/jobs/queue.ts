import type { Db } from '@/db/client';
import { describeJobError, type ClaimedJob, type JobHandler, type JobQueue } from './job-queue';
import { postgresJobQueue } from './postgres-queue';

// The app's job queue. Domain code queues work through it and the worker drains it; both
// know only the JobQueue contract (./job-queue.ts), so another queue replaces this one
// here and nowhere else.

export const jobQueue: JobQueue = postgresJobQueue;

export type DrainOptions = {
  /** The app's queue unless given. */
  queue?: JobQueue;
  now?: () => Date;
  limit?: number;
  /** Once aborted, no further job is claimed; the running one finishes. */
  signal?: AbortSignal;
  onStart?: (job: ClaimedJob) => void;
  onFinish?: (job: ClaimedJob, error: unknown) => void;
};

/** Runs due jobs one at a time until none is left (or `limit` ran); returns how many ran. */
export const drainJobs = async (
  db: Db,
  handlers: Readonly<Record<string, JobHandler>>,
  { queue = jobQueue, now = () => new Date(), limit = 100, signal, onStart, onFinish }: DrainOptions = {},
): Promise<number> => {
  let ran = 0;
  while (ran < limit && !signal?.aborted) {
    const job = await queue.claim(db, now(), Object.keys(handlers));
    if (!job) break;
    ran += 1;
    onStart?.(job);
    const handler = handlers[job.kind];
    let error: unknown = null;
    const stop = queue.keepAlive(db, job);
    try {
      if (handler) await handler(db, job, now());
    } catch (e) {
      error = e;
      console.error(`job ${job.kind}#${job.id} failed (attempt ${job.attempts}): ${describeJobError(e)}`);
    } finally {
      stop();
    }
    if (error) await queue.fail(db, job, error, now());
    else await queue.complete(db, job, now());
    onFinish?.(job, error);
  }
  return ran;
};
