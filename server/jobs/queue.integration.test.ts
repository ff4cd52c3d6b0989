// The job queue in PostgreSQL (DESIGN §8): a keyed job exists once; every due job runs
// once even with several workers draining at the same time (SKIP LOCKED); a failure is
// retried later and given up after its attempts; a worker that died loses its lease; a
// worker stopping gives its job back; workers hear of a job when, and only if, it commits.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { jobs } from '@/db/schema';
import { createTestDb, isPostgresRun } from '../testing/db';
import { describeJobError, type JobHandler, type NewJob, type ScheduledJob } from './job-queue';
import { claimJob, enqueue, JOBS_CHANNEL, nextDueAt, releaseJob, reschedule } from './postgres-queue';
import { drainJobs } from './queue';

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
const rescheduleAlone = (db: Db, job: ScheduledJob) => db.transaction((tx) => reschedule(tx, job));

/** What a listening worker hears on the jobs channel, in the order PostgreSQL delivers it. */
const listenToJobs = async (h: DbHandle) => {
  const heard: string[] = [];
  const waiting: { payload: string; resolve: () => void }[] = [];
  const unlisten = await h.listen!(JOBS_CHANNEL, (payload) => {
    heard.push(payload);
    for (const w of waiting.filter((x) => x.payload === payload)) w.resolve();
  });
  const hear = (payload: string) =>
    heard.includes(payload) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ payload, resolve }));
  // A marker sent by another session: once it is heard, everything committed before it was heard too.
  const mark = async () => {
    const marker = kind();
    await handle.db.execute(sql`select pg_notify(${JOBS_CHANNEL}, ${marker})`);
    await hear(marker);
    return marker;
  };
  return { heard, hear, mark, unlisten };
};

describe('the job queue', () => {
  it('keeps one job per key, and a rescheduled deadline moves it', async () => {
    const k = kind();
    await queueAlone(handle.db, { kind: k, key: 'a', runAt: new Date(Date.now() + 60_000) });
    await queueAlone(handle.db, { kind: k, key: 'a', runAt: new Date(Date.now() + 120_000) });
    const later = new Date(Date.now() + 300_000);
    await rescheduleAlone(handle.db, { kind: k, key: 'a', runAt: later });
    const rows = await handle.db.select().from(jobs).where(eq(jobs.kind, k));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.runAt.getTime()).toBe(later.getTime());
  });

  it('runs a job only when due, once', async () => {
    const k = kind();
    const ran: number[] = [];
    const handler: JobHandler = async (_db, job) => {
      ran.push(job.id);
    };
    await queueAlone(handle.db, { kind: k, runAt: new Date(Date.now() + 60_000) });
    expect(await drainJobs(handle.db, { [k]: handler })).toBe(0);
    expect(await drainJobs(handle.db, { [k]: handler }, { now: () => new Date(Date.now() + 61_000) })).toBe(1);
    expect(await drainJobs(handle.db, { [k]: handler }, { now: () => new Date(Date.now() + 61_000) })).toBe(0);
    expect(ran).toHaveLength(1);
  });

  it('retries a failing job later and gives up after its attempts', async () => {
    const k = kind();
    let calls = 0;
    const failing: JobHandler = async () => {
      calls += 1;
      throw new Error('storage unavailable');
    };
    await queueAlone(handle.db, { kind: k, maxAttempts: 2 });
    await drainJobs(handle.db, { [k]: failing });
    const [retry] = await handle.db.select().from(jobs).where(eq(jobs.kind, k));
    expect(retry).toMatchObject({ status: 'queued', attempts: 1, lastError: 'storage unavailable' });
    expect(retry?.runAt.getTime()).toBeGreaterThan(Date.now());
    await drainJobs(handle.db, { [k]: failing }, { now: () => new Date(Date.now() + 3_600_000) });
    const [failed] = await handle.db.select().from(jobs).where(eq(jobs.kind, k));
    expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
    expect(calls).toBe(2);
  });

  it('claims again a job whose worker died (its lease ran out)', async () => {
    const k = kind();
    await queueAlone(handle.db, { kind: k });
    const first = await claimJob(handle.db, new Date(), [k]);
    expect(first).not.toBeNull();
    expect(await claimJob(handle.db, new Date(), [k])).toBeNull();
    const again = await claimJob(handle.db, new Date(Date.now() + 11 * 60_000), [k]);
    expect(again?.id).toBe(first?.id);
    expect(again?.attempts).toBe(2);
  });

  it('leaves a job rescheduled while it ran to its new run (a deadline that moved)', async () => {
    const k = kind();
    await queueAlone(handle.db, { kind: k, key: 'close' });
    const moved = new Date(Date.now() + 180_000);
    const handler: JobHandler = async (db) => {
      await rescheduleAlone(db, { kind: k, key: 'close', runAt: moved });
    };
    await drainJobs(handle.db, { [k]: handler });
    const [row] = await handle.db.select().from(jobs).where(eq(jobs.kind, k));
    expect(row).toMatchObject({ status: 'queued', attempts: 0 });
    expect(row?.runAt.getTime()).toBe(moved.getTime());
  });

  it("gives a stopping worker's job back: due now, the interrupted run not counted, and no longer its to finish", async () => {
    const k = kind();
    await queueAlone(handle.db, { kind: k, maxAttempts: 3 });
    const first = await claimJob(handle.db, new Date(), [k]);
    expect(first).not.toBeNull();
    expect(await releaseJob(handle.db, first!, new Date())).toBe(true);
    const [released] = await handle.db.select().from(jobs).where(eq(jobs.kind, k));
    expect(released).toMatchObject({ status: 'queued', attempts: 1, maxAttempts: 4, lockedUntil: null });
    const again = await claimJob(handle.db, new Date(), [k]);
    expect(again).toMatchObject({ id: first!.id, attempts: 2 });
    // The first run can no longer give it back (nor finish it): the second run owns it.
    expect(await releaseJob(handle.db, first!, new Date())).toBe(false);
  });

  it('tells when the next queued job falls due', async () => {
    const k = kind();
    expect(await nextDueAt(handle.db, [k])).toBeNull();
    const at = new Date(Date.now() + 90_000);
    await queueAlone(handle.db, { kind: k, key: 'late', runAt: new Date(at.getTime() + 60_000) });
    await queueAlone(handle.db, { kind: k, key: 'early', runAt: at });
    expect((await nextDueAt(handle.db, [k]))?.getTime()).toBe(at.getTime());
  });

  it('leaves no job behind an enqueue whose transaction rolled back', async () => {
    const k = kind();
    const rolledBack = handle.db.transaction(async (tx) => {
      await enqueue(tx, { kind: k });
      throw new Error('the change failed');
    });
    await expect(rolledBack).rejects.toThrow('the change failed');
    expect(await handle.db.select().from(jobs).where(eq(jobs.kind, k))).toHaveLength(0);
  });

  it.runIf(isPostgresRun())(
    'tells listening workers of a job when its transaction commits, and never of one rolled back',
    async () => {
      const listener = await listenToJobs(handle);
      const committed = kind();
      let isEnqueued!: () => void;
      const enqueued = new Promise<void>((resolve) => (isEnqueued = resolve));
      let commit!: () => void;
      const gate = new Promise<void>((resolve) => (commit = resolve));
      const committing = handle.db.transaction(async (tx) => {
        await enqueue(tx, { kind: committed });
        isEnqueued();
        await gate;
      });
      await enqueued;
      const beforeCommit = await listener.mark();
      expect(listener.heard).not.toContain(committed);
      commit();
      await committing;
      await listener.hear(committed);
      expect(listener.heard.indexOf(beforeCommit)).toBeLessThan(listener.heard.indexOf(committed));

      const rolledBack = kind();
      await expect(
        handle.db.transaction(async (tx) => {
          await reschedule(tx, { kind: rolledBack, key: 'x', runAt: new Date() });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      await listener.mark();
      expect(listener.heard).not.toContain(rolledBack);

      // A job already there (a periodic sweep queuing the same month again) wakes no one.
      const keyed = kind();
      await queueAlone(handle.db, { kind: keyed, key: 'once' });
      await queueAlone(handle.db, { kind: keyed, key: 'once' });
      await listener.mark();
      expect(listener.heard.filter((p) => p === keyed)).toHaveLength(1);
      await listener.unlisten();
    },
  );

  it('keeps query parameters out of the recorded error', () => {
    const e = Object.assign(new Error('Failed query: insert into cases … params: 张三,110105199001011234'), {
      cause: { code: '23505', message: 'duplicate key value violates unique constraint' },
    });
    expect(describeJobError(e)).toBe('23505 duplicate key value violates unique constraint');
    expect(describeJobError(new Error('Failed query: x params: secret'))).toBe('Failed query: x ');
  });

  it.runIf(isPostgresRun())('runs every job exactly once with four workers draining at the same time', async () => {
    const k = kind();
    for (let i = 0; i < 40; i += 1) await queueAlone(handle.db, { kind: k, key: String(i) });
    const seen = new Map<number, number>();
    const handler: JobHandler = async (_db, job) => {
      seen.set(job.id, (seen.get(job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    };
    const counts = await Promise.all(Array.from({ length: 4 }, () => drainJobs(handle.db, { [k]: handler })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(seen.size).toBe(40);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});
