// The job worker (`npm run worker`, DESIGN §9 production shape): it wakes when a job is
// committed (LISTEN/NOTIFY), not when a poll comes round; any number of workers run a job
// once; a dropped listening connection comes back and drains what it missed; without
// listening it still finds work by polling; stopping lets the running job finish, or gives
// it back to the queue when it outlasts the grace period.
import net from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Db, type DbHandle } from '@/db/client';
import { jobs } from '@/db/schema';
import { createTestDb, createTestPostgresUrl, isPostgresRun } from '../testing/db';
import type { JobHandler, NewJob } from './job-queue';
import { claimJob, enqueue } from './postgres-queue';
import { startWorker, type WorkerEvent, type WorkerOptions } from './worker';
import { WEBHOOK_DELIVER_JOB } from '../domain/webhooks/emit';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

const kind = () => `test.${Math.random().toString(36).slice(2)}`;
/** A change that queues one job and does nothing else: its own transaction. */
const queueAlone = (db: Db, job: NewJob) => db.transaction((tx) => enqueue(tx, job));
// Polls so far apart that only a notification (or a wake) can explain a job running.
const AN_HOUR = 3_600_000;

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

/** A handler that says when it started and then holds its job until the gate opens. */
const heldJob = () => {
  const started = deferred();
  const gate = deferred();
  const handler: JobHandler = async () => {
    started.resolve();
    await gate.promise;
  };
  return { started, gate, handler };
};

/** A worker whose events are recorded, and a way to wait for one. */
const watch = (h: Pick<DbHandle, 'db' | 'listen'>, options: WorkerOptions) => {
  const events: WorkerEvent[] = [];
  const waiting: { isMatch: (e: WorkerEvent) => boolean; resolve: () => void }[] = [];
  const worker = startWorker(h, {
    periodic: [],
    pollMs: AN_HOUR,
    ...options,
    onEvent: (e) => {
      events.push(e);
      for (const w of waiting.filter((x) => x.isMatch(e))) w.resolve();
    },
  });
  const seen = (isMatch: (e: WorkerEvent) => boolean) =>
    events.some(isMatch) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ isMatch, resolve }));
  const types = () => events.map((e) => ('kind' in e ? `${e.type}:${e.kind}` : e.type));
  return { worker, events, seen, types };
};

/** A TCP relay to PostgreSQL that can cut every connection and refuse new ones for a while. */
const startRelay = async (target: URL) => {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(a);
      a.on('error', () => undefined);
      a.on('close', () => {
        sockets.delete(a);
        b.destroy();
      });
      a.pipe(b);
    }
  });
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    });
  await open();
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), cut, restore: open };
};

const jobOf = async (k: string) => (await handle.db.select().from(jobs).where(eq(jobs.kind, k)))[0];

describe.runIf(isPostgresRun())('the worker on PostgreSQL', () => {
  it('runs a job as soon as the transaction that queued it commits, with no poll for an hour', async () => {
    const k = kind();
    const ran = deferred();
    const w = watch(handle, { handlers: { [k]: async () => ran.resolve() } });
    await w.worker.ready;
    expect(w.types()).toEqual(['listening']);
    await handle.db.transaction(async (tx) => {
      await enqueue(tx, { kind: k });
    });
    await ran.promise;
    await w.seen((e) => e.type === 'job-finished');
    expect(w.types()).toEqual(['listening', `notified:${k}`, `job-started:${k}`, `job-finished:${k}`]);
    await w.worker.stop();
    expect(await jobOf(k)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('runs every job once with two workers, each with its own pool and listening connection', async () => {
    const url = await createTestPostgresUrl();
    const pools = [openPostgres(url, 4), openPostgres(url, 4)];
    const k = kind();
    const runs = new Map<number, number>();
    const allRan = deferred();
    const handler: JobHandler = async (_db, job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    };
    const workers = pools.map((pool) => watch(pool, { handlers: { [k]: handler } }));
    const finished = () => workers.flatMap((w) => w.events).filter((e) => e.type === 'job-finished').length;
    for (const w of workers) {
      void w.seen((e) => e.type === 'job-finished' && finished() === 30).then(allRan.resolve);
    }
    await Promise.all(workers.map((w) => w.worker.ready));
    await pools[0]!.db.transaction(async (tx) => {
      for (let i = 0; i < 30; i += 1) await enqueue(tx, { kind: k, key: String(i) });
    });
    await allRan.promise;
    await Promise.all(workers.map((w) => w.worker.stop()));
    expect(runs.size).toBe(30);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    // Both heard of the work (one notification for the transaction's thirty jobs of one kind).
    for (const w of workers) expect(w.types().filter((t) => t === `notified:${k}`)).toHaveLength(1);
    const rows = await pools[1]!.db.select({ status: jobs.status }).from(jobs).where(eq(jobs.kind, k));
    expect(rows.every((r) => r.status === 'done')).toBe(true);
    await Promise.all(pools.map((p) => p.close()));
  });

  it('listens again after its connection drops, and drains at once', async () => {
    const k = kind();
    const ran = deferred();
    const w = watch(handle, { handlers: { [k]: async () => ran.resolve() } });
    await w.worker.ready;
    const terminated = await handle.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen %'`,
    );
    expect(terminated).toHaveLength(1);
    await w.seen((e) => w.events.filter((x) => x.type === 'listening').length === 2 && e.type === 'listening');
    await queueAlone(handle.db, { kind: k });
    await ran.promise;
    await w.worker.stop();
    expect(w.types().slice(0, 3)).toEqual(['listening', 'listening', `notified:${k}`]);
  });

  it('comes back after the database was away, and runs what was queued meanwhile', async () => {
    const url = await createTestPostgresUrl();
    const relay = await startRelay(new URL(url));
    const viaRelay = openPostgres(relay.url, 2);
    const direct = openPostgres(url, 1);
    const k = kind();
    const ran = deferred();
    const w = watch(viaRelay, { handlers: { [k]: async () => ran.resolve() } });
    await w.worker.ready;
    await relay.cut();
    // Queued while the worker's connections are gone: its notification reaches no one.
    await queueAlone(direct.db, { kind: k });
    await relay.restore();
    await ran.promise;
    await w.seen((e) => e.type === 'job-finished');
    await w.worker.stop();
    expect(w.types()).toEqual([
      'listening',
      'listening',
      `job-started:${k}`,
      `job-finished:${k}`,
      'stopping',
      'stopped',
    ]);
    await Promise.all([viaRelay.close(), direct.close()]);
  });
});

describe('the worker', () => {
  it('still finds work by polling while it cannot listen', async () => {
    const k = kind();
    const ran = deferred();
    const deaf = { db: handle.db, listen: () => Promise.reject(new Error('connection refused')) };
    const w = watch(deaf, { handlers: { [k]: async () => ran.resolve() }, pollMs: 20 });
    await w.worker.ready;
    await queueAlone(handle.db, { kind: k });
    await ran.promise;
    await w.worker.stop();
    expect(w.types()[0]).toBe('listen-failed');
    expect(w.types()).not.toContain(`notified:${k}`);
  });

  it('delivers webhooks on lanes of their own: a slow receiver holds up neither other jobs nor other deliveries', async () => {
    const k = kind();
    const slow = heldJob();
    const other = deferred();
    const ran = deferred();
    const deliver: JobHandler = async (db, job, now) => {
      if (job.key === `slow-${k}`) await slow.handler(db, job, now);
      else other.resolve();
    };
    await queueAlone(handle.db, { kind: WEBHOOK_DELIVER_JOB, key: `slow-${k}` });
    const w = watch(handle, { handlers: { [k]: async () => ran.resolve(), [WEBHOOK_DELIVER_JOB]: deliver } });
    await slow.started.promise;
    await queueAlone(handle.db, { kind: WEBHOOK_DELIVER_JOB, key: `other-${k}` });
    await queueAlone(handle.db, { kind: k });
    w.worker.wake();
    // Both finish while the slow delivery is still held.
    await Promise.all([other.promise, ran.promise]);
    slow.gate.resolve();
    await w.worker.stop();
    const rows = await handle.db
      .select({ key: jobs.key, status: jobs.status })
      .from(jobs)
      .where(eq(jobs.kind, WEBHOOK_DELIVER_JOB));
    expect(rows.filter((r) => r.key?.endsWith(k)).map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('on stop claims nothing more and lets the running job finish', async () => {
    const k = kind();
    const { started, gate, handler } = heldJob();
    await queueAlone(handle.db, { kind: k, key: 'first' });
    const w = watch(handle, { handlers: { [k]: handler } });
    await started.promise;
    await queueAlone(handle.db, { kind: k, key: 'second' });
    const stopped = w.worker.stop();
    await w.seen((e) => e.type === 'stopping');
    gate.resolve();
    await stopped;
    expect(w.types().filter((t) => t !== 'listening' && !t.startsWith('notified'))).toEqual([
      `job-started:${k}`,
      'stopping',
      `job-finished:${k}`,
      'stopped',
    ]);
    const rows = await handle.db
      .select({ key: jobs.key, status: jobs.status })
      .from(jobs)
      .where(eq(jobs.kind, k))
      .orderBy(jobs.id);
    expect(rows).toEqual([
      { key: 'first', status: 'done' },
      { key: 'second', status: 'queued' },
    ]);
  });

  it('on stop gives back a job that outlasts the grace period, for another worker to take at once', async () => {
    const k = kind();
    const { started, gate, handler } = heldJob();
    await queueAlone(handle.db, { kind: k, maxAttempts: 3 });
    const w = watch(handle, { handlers: { [k]: handler }, graceMs: 10 });
    await started.promise;
    await w.worker.stop();
    expect(w.types().filter((t) => t !== 'listening' && !t.startsWith('notified'))).toEqual([
      `job-started:${k}`,
      'stopping',
      `released:${k}`,
      'stopped',
    ]);
    expect(await jobOf(k)).toMatchObject({ status: 'queued', attempts: 1, maxAttempts: 4, lockedUntil: null });
    const takenOver = await claimJob(handle.db, new Date(), [k]);
    expect(takenOver).toMatchObject({ attempts: 2 });
    // The interrupted run ending late does not touch the run that took over.
    gate.resolve();
    await w.seen((e) => e.type === 'job-finished');
    expect(await jobOf(k)).toMatchObject({ status: 'running', attempts: 2 });
  });
});
