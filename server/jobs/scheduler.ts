import type { Db } from '@/db/client';
import { expireAdmissions } from '../domain/admission/expiry';
import { sweepRetention } from '../domain/retention/sweep';
import { queueLastMonth } from '../domain/scorecards/compute';
import { breakDuePlans } from '../domain/work/plans';
import { breakDuePromises } from '../domain/work/promises';
import { flagMissingVisitEvidence } from '../domain/work/visits';
import { getBlobStore } from '../storage/store';
import { JOB_HANDLERS } from './handlers';
import { drainJobs } from './queue';
import { deliverWebhooks } from '../domain/webhooks/deliver';
import { WEBHOOK_DELIVER_JOB } from '../domain/webhooks/emit';

// Periodic jobs run in a worker process (`npm run worker`) and, unless DAYLIGHT_SCHEDULER=off,
// inside every app instance. Each job is idempotent and takes its own database lock, so
// several processes running the same job at once do the work once.

export type Job = { name: string; everyMs: number; run: (db: Db, now: Date) => Promise<unknown> };

/** The sweeps, every 15 minutes, and the retention sweep every hour. */
export const PERIODIC_JOBS: readonly Job[] = [
  { name: 'admission.expire', everyMs: 15 * 60_000, run: (db, now) => expireAdmissions(db, now) },
  { name: 'promises.breakDue', everyMs: 15 * 60_000, run: (db, now) => breakDuePromises(db, now) },
  // Plans whose instalment check a stopped worker missed (each instalment has its own check job).
  { name: 'plans.breakDue', everyMs: 15 * 60_000, run: (db, now) => breakDuePlans(db, now) },
  { name: 'visits.flagMissingEvidence', everyMs: 15 * 60_000, run: (db, now) => flagMissingVisitEvidence(db, now) },
  // Last month's scorecards, queued once (one job per month): no lock needed.
  { name: 'scorecards.queueLastMonth', everyMs: 15 * 60_000, run: (db, now) => queueLastMonth(db, now) },
  // Working data past its retention window (finished jobs, rate and sign-in attempts, unused uploads, expired exports).
  { name: 'retention.sweep', everyMs: 60 * 60_000, run: (db, now) => sweepRetention(db, now, getBlobStore()) },
];

/** What an app instance runs: the sweeps and the job queue. */
export const JOBS: readonly Job[] = [
  ...PERIODIC_JOBS,
  // The queue is also drained right after a request queues work (kickQueue); this catches
  // retries, scheduled deadlines and work another instance left behind.
  { name: 'queue', everyMs: 5_000, run: (db) => drainQueue(db) },
];

const globalForQueue = globalThis as unknown as {
  __daylightDraining?: Promise<unknown>;
  __daylightDelivering?: Promise<unknown>;
};

// Webhook deliveries wait on other servers: they drain beside the other jobs (on lanes of
// their own, as in the worker), so a slow receiver never holds up an import here either.
const OTHER_HANDLERS = Object.fromEntries(
  Object.entries(JOB_HANDLERS).filter(([kind]) => kind !== WEBHOOK_DELIVER_JOB),
);

/**
 * Drains the queue in this process, one job at a time beside the webhook lanes: a drain
 * already running here is joined, not doubled, so an instance never holds more than one
 * job's connections and its webhook lanes'.
 */
const drainQueue = (db: Db): Promise<unknown> => {
  globalForQueue.__daylightDraining ??= drainJobs(db, OTHER_HANDLERS).finally(() => {
    globalForQueue.__daylightDraining = undefined;
  });
  globalForQueue.__daylightDelivering ??= deliverWebhooks(db).finally(() => {
    globalForQueue.__daylightDelivering = undefined;
  });
  return Promise.all([globalForQueue.__daylightDraining, globalForQueue.__daylightDelivering]);
};

/**
 * Starts draining the queue now (after a request queued work), unless this instance's
 * scheduler is off: then a worker process, woken by the enqueue's notification, runs it.
 */
export const kickQueue = (db: Db) => {
  if (process.env.DAYLIGHT_SCHEDULER === 'off') return;
  drainQueue(db).catch((e: unknown) => console.error('queue drain failed:', e instanceof Error ? e.message : e));
};

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
