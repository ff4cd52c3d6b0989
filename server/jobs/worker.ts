import type { DbHandle } from '@/db/client';
import { JOB_HANDLERS } from './handlers';
import { describeJobError, type ClaimedJob, type JobHandler, type JobQueue } from './job-queue';
import { drainJobs, jobQueue } from './queue';
import { PERIODIC_JOBS, type Job } from './scheduler';
import { WEBHOOK_DELIVER_JOB } from '../domain/webhooks/emit';

// The job worker (`npm run worker`): the queue and the sweeps in a process of their own, so
// web instances (DAYLIGHT_SCHEDULER=off) only serve requests (DESIGN §9, production shape).
// It knows the queue only as a JobQueue. It sleeps until a job is queued: the queue tells
// a listening worker of a job when the transaction that queued it commits (PostgreSQL:
// NOTIFY in that transaction), so the worker hears of a job exactly when it exists. It
// also wakes when the next scheduled job falls due, and polls anyway, for retries, jobs
// whose worker died and notices missed while the listening connection was down. Any
// number of workers may run: the queue gives a job to one of them, and the sweeps take
// their own locks.

export type WorkerEvent =
  | { type: 'listening'; on: string }
  | { type: 'listen-failed'; error: string }
  | { type: 'notified'; kind: string }
  | { type: 'job-started'; kind: string; id: number; attempt: number }
  | { type: 'job-finished'; kind: string; id: number; error: string | null }
  | { type: 'drain-failed'; error: string }
  | { type: 'sweep-finished'; name: string; result: unknown }
  | { type: 'sweep-failed'; name: string; error: string }
  | { type: 'stopping' }
  | { type: 'released'; kind: string; id: number }
  | { type: 'stopped' };

export type WorkerOptions = {
  /** The app's queue unless given. */
  queue?: JobQueue;
  handlers?: Readonly<Record<string, JobHandler>>;
  periodic?: readonly Job[];
  /** The fallback poll. */
  pollMs?: number;
  /** How long stop() waits for the running job before giving it back to the queue. */
  graceMs?: number;
  onEvent?: (event: WorkerEvent) => void;
};

export type Worker = {
  /** Resolves once the worker listens (where it can) and has drained what was due at start. */
  ready: Promise<void>;
  /** Drains now (an instance that queued work itself, or a test). */
  wake: () => void;
  /** Stops claiming, waits up to graceMs for the running job and sweeps, then gives the job back. */
  stop: () => Promise<void>;
};

export const DEFAULT_POLL_MS = 5_000;
/** Webhook deliveries a worker makes at once (each waits at most the receiver timeout). */
export const WEBHOOK_LANES = 4;
// Under the 30 s most process managers (Kubernetes, ECS, systemd's default is 90 s) allow
// between SIGTERM and SIGKILL, so a job still running is given back, not left to its lease.
export const DEFAULT_GRACE_MS = 25_000;
// A job due now that was not claimed is being claimed by another worker: look again soon,
// without spinning.
const MIN_WAIT_MS = 250;

export const startWorker = (handle: Pick<DbHandle, 'db' | 'listen'>, options: WorkerOptions = {}): Worker => {
  const { db } = handle;
  const queue = options.queue ?? jobQueue;
  const allHandlers = options.handlers ?? JOB_HANDLERS;
  // Webhook deliveries wait on other organizations' servers: they run on lanes of their own,
  // so a slow or silent receiver holds one lane for its timeout and never an import, a
  // deadline or another receiver's delivery.
  const hasWebhooks = WEBHOOK_DELIVER_JOB in allHandlers;
  const handlers = Object.fromEntries(Object.entries(allHandlers).filter(([kind]) => kind !== WEBHOOK_DELIVER_JOB));
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const emit = options.onEvent ?? (() => undefined);
  const stopping = new AbortController();
  let draining: Promise<void> | null = null;
  let isWokenWhileDraining = false;
  const current: { job: ClaimedJob | null } = { job: null };
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | null = null;
  let stopped: Promise<void> | null = null;

  const sleepUntilNextWake = (ms: number) => {
    clearTimeout(timer);
    if (!stopping.signal.aborted) timer = setTimeout(wake, Math.min(Math.max(ms, 0), 2 ** 31 - 1));
  };

  const webhookHandlers = Object.fromEntries(
    Object.entries(allHandlers).filter(([kind]) => kind === WEBHOOK_DELIVER_JOB),
  );
  const lanes = new Set<Promise<void>>();
  /** Tops the delivery lanes up to WEBHOOK_LANES; each claims deliveries until none is due. */
  const deliver = () => {
    while (hasWebhooks && !stopping.signal.aborted && lanes.size < WEBHOOK_LANES) {
      const lane: Promise<void> = drainJobs(db, webhookHandlers, {
        queue,
        signal: stopping.signal,
        limit: Number.POSITIVE_INFINITY,
      })
        .then(
          () => undefined,
          (e: unknown) => emit({ type: 'drain-failed', error: describeJobError(e) }),
        )
        .finally(() => lanes.delete(lane));
      lanes.add(lane);
    }
  };

  const drain = async () => {
    let wait = pollMs;
    try {
      do {
        isWokenWhileDraining = false;
        await drainJobs(db, handlers, {
          queue,
          limit: Number.POSITIVE_INFINITY,
          signal: stopping.signal,
          onStart: (job) => {
            current.job = job;
            emit({ type: 'job-started', kind: job.kind, id: job.id, attempt: job.attempts });
          },
          onFinish: (job, error) => {
            current.job = null;
            emit({ type: 'job-finished', kind: job.kind, id: job.id, error: error ? describeJobError(error) : null });
          },
        });
      } while (isWokenWhileDraining && !stopping.signal.aborted);
      const due = await queue.nextDueAt(db, Object.keys(allHandlers));
      if (due) wait = Math.min(pollMs, Math.max(due.getTime() - Date.now(), MIN_WAIT_MS));
    } catch (e) {
      // The database is away (a restart, a failover): try again at the next poll.
      current.job = null;
      emit({ type: 'drain-failed', error: describeJobError(e) });
    }
    sleepUntilNextWake(wait);
  };

  /** Drains now; a drain already under way here goes round once more instead of doubling. */
  const wake = () => {
    if (stopping.signal.aborted) return;
    deliver();
    if (draining) {
      isWokenWhileDraining = true;
      return;
    }
    clearTimeout(timer);
    draining = drain().finally(() => {
      draining = null;
    });
  };

  // Sweeps: each at start and then every everyMs; one that is still running is not started twice.
  const sweeping = new Map<string, Promise<void>>();
  const sweep = (job: Job) => {
    if (stopping.signal.aborted || sweeping.has(job.name)) return;
    const run = job
      .run(db, new Date())
      .then(
        (result) => emit({ type: 'sweep-finished', name: job.name, result }),
        (e: unknown) => emit({ type: 'sweep-failed', name: job.name, error: describeJobError(e) }),
      )
      .finally(() => sweeping.delete(job.name));
    sweeping.set(job.name, run);
  };
  const sweepTimers: NodeJS.Timeout[] = [];

  const started = (async () => {
    try {
      unlisten = await queue.listen(
        handle,
        (kind) => {
          emit({ type: 'notified', kind });
          wake();
        },
        // Also after a reconnect: what was queued while the connection was down is drained now.
        () => {
          emit({ type: 'listening', on: queue.listensOn });
          wake();
        },
      );
    } catch (e) {
      // The connection keeps trying by itself; until it listens, the poll finds the jobs.
      emit({ type: 'listen-failed', error: describeJobError(e) });
    }
    if (stopping.signal.aborted) return;
    for (const job of options.periodic ?? PERIODIC_JOBS) {
      sweep(job);
      sweepTimers.push(setInterval(() => sweep(job), job.everyMs));
    }
    wake();
  })();
  const ready = started.then(() => draining ?? undefined);

  const stop = () => {
    stopped ??= (async () => {
      emit({ type: 'stopping' });
      stopping.abort();
      clearTimeout(timer);
      for (const t of sweepTimers) clearInterval(t);
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<false>((resolve) => {
        graceTimer = setTimeout(() => resolve(false), graceMs);
      });
      // Neither a listen still connecting nor the unlisten is waited for past the grace
      // period: closing the handle ends that connection anyway.
      await Promise.race([started, graceOver]);
      await Promise.race([unlisten?.().catch(() => undefined), graceOver]);
      const work = Promise.all([draining, ...lanes, ...sweeping.values()]).then(() => true);
      const isDone = await Promise.race([work, graceOver]);
      clearTimeout(graceTimer);
      const { job } = current;
      if (!isDone && job) {
        try {
          if (await queue.release(db, job, new Date())) emit({ type: 'released', kind: job.kind, id: job.id });
        } catch (e) {
          // Then the lease runs out and another worker takes the job over.
          emit({ type: 'drain-failed', error: describeJobError(e) });
        }
      }
      emit({ type: 'stopped' });
    })();
    return stopped;
  };

  return { ready, wake, stop };
};

/** One log line per event; a job's payload (it may carry debtor details) is never logged. */
export const describeWorkerEvent = (e: WorkerEvent): string => {
  switch (e.type) {
    case 'listening':
      return `listening on ${e.on}`;
    case 'listen-failed':
      return `not listening (${e.error}); polling until the connection comes back`;
    case 'notified':
      return `notified: ${e.kind}`;
    case 'job-started':
      return `job ${e.kind}#${e.id} started (attempt ${e.attempt})`;
    case 'job-finished':
      return e.error ? `job ${e.kind}#${e.id} failed: ${e.error}` : `job ${e.kind}#${e.id} done`;
    case 'drain-failed':
      return `queue unavailable: ${e.error}`;
    case 'sweep-finished':
      return `${e.name}: ${JSON.stringify(e.result)}`;
    case 'sweep-failed':
      return `${e.name} failed: ${e.error}`;
    case 'stopping':
      return 'stopping: no new jobs are claimed';
    case 'released':
      return `job ${e.kind}#${e.id} given back to the queue`;
    case 'stopped':
      return 'stopped';
  }
};
