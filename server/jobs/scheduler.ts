import type { Db } from '@/db/client';
import { expireAdmissions } from '../domain/admission/expiry';

// Periodic jobs run inside every app instance. Each job is idempotent and takes its own
// database lock, so several instances running the same job at once do the work once.

export type Job = { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<unknown> };

export const JOBS: readonly Job[] = [{ name: 'admission.expire', everyMs: 15 * 60_000, run: (db, now) => expireAdmissions(db, now) }];

/** Runs every job once now (a failure of one does not stop the others). */
export const runJobsOnce = async (db: Db, jobs: readonly Job[] = JOBS, now = new Date()) => {
  const results: { name: string; ok: boolean; result?: unknown; error?: string }[] = [];
  for (const job of jobs) {
    try {
      results.push({ name: job.name, ok: true, result: await job.run(db, now) });
    } catch (e) {
      results.push({ name: job.name, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
};

const globalForJobs = globalThis as unknown as { __daylightJobs?: NodeJS.Timeout[] };

/** Starts the timers once per process (hot reload included); the first run comes shortly after start. */
export const startScheduler = (getDb: () => Db, jobs: readonly Job[] = JOBS) => {
  if (globalForJobs.__daylightJobs) return;
  globalForJobs.__daylightJobs = jobs.map((job) => {
    const tick = () => {
      job.run(getDb(), new Date()).catch((e: unknown) => console.error(`job ${job.name} failed:`, e));
    };
    setTimeout(tick, 5_000).unref();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
};
