// Database guards (issue: production path at real size): every PostgreSQL connection of
// the app starts with a statement, lock-wait and idle-transaction limit, so a stuck
// transaction fails within seconds instead of freezing a table for everyone; a job that
// fails this way is retried and, after its last attempt, its page says why. An import
// saves its progress where its own transaction holds no lock, so the bar moves and the
// import lands on PostgreSQL.
import { count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { raiseStatementTimeout } from '@/db/client';
import { caseImportRows, caseImports, cases, jobs } from '@/db/schema';
import { databaseFault } from '../errors';
import { runImport } from '../domain/cases/case-import';
import { executeRows } from '../domain/shared/execute';
import { getBlobStore } from '../storage/store';
import { sampleCsv } from '../testing/cases';
import { isPostgresRun } from '../testing/db';
import { freshWorldPerTest } from '../testing/lifecycle';
import { callerAs } from '../testing/world';
import { JOB_HANDLERS } from './handlers';
import { drainJobs } from './queue';

// Short limits for this file only (read when its database is opened), so a test need not wait 5 s.
process.env.DB_LOCK_TIMEOUT_MS = '400';
process.env.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = '600';

const ctx = freshWorldPerTest();
const pgOnly = it.skipIf(!isPostgresRun());

/** A second session on the same database, outside the app's pool (what another process holds). */
const otherSession = async () => {
  const [{ db: name } = { db: '' }] = await executeRows<{ db: string }>(
    ctx.handle.db,
    sql`select current_database() as db`,
  );
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return postgres(url.toString(), { max: 1, onnotice: () => undefined });
};

const startImport = async (rows: number, prefix: string) => {
  const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
  const file = await manager.files.upload(new Blob([sampleCsv(rows, prefix)]));
  const imp = await manager.cases.imports.start({ fileId: file.id, fileName: `${prefix}.csv` });
  return { manager, imp };
};

describe('every connection of the app has its limits', () => {
  pgOnly(
    'statement, lock-wait and idle-transaction limits are set from the start; a job transaction raises only its statement limit',
    async () => {
      const show = async (db: Parameters<typeof executeRows>[0]) =>
        (
          await executeRows<{ s: string; l: string; i: string }>(
            db,
            sql`select current_setting('statement_timeout') as s, current_setting('lock_timeout') as l, current_setting('idle_in_transaction_session_timeout') as i`,
          )
        )[0];
      expect(await show(ctx.handle.db)).toEqual({ s: '15s', l: '400ms', i: '600ms' });
      await ctx.handle.db.transaction(async (tx) => {
        await raiseStatementTimeout(tx, 120_000);
        expect(await show(tx)).toEqual({ s: '2min', l: '400ms', i: '600ms' });
      });
      expect(await show(ctx.handle.db)).toEqual({ s: '15s', l: '400ms', i: '600ms' });
    },
  );

  pgOnly('a transaction left open fails within the idle limit instead of holding its rows', async () => {
    const error = await ctx.handle.db
      .transaction(async (tx) => {
        await tx.select({ id: caseImports.id }).from(caseImports).limit(1).for('update');
        await new Promise((r) => setTimeout(r, 1_200));
        await tx.select({ id: caseImports.id }).from(caseImports).limit(1);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    // The server ended the session; the app sees a connection that is gone, not a hang.
    expect(databaseFault(error)).toBe('db.unavailable');
    // The pool recovers: the next statement runs on a fresh connection.
    expect((await ctx.handle.db.select({ n: count() }).from(caseImports))[0]?.n).toBeGreaterThanOrEqual(0);
  });
});

describe('a job cut off by a limit', () => {
  pgOnly('is retried, and after its last attempt its page says the database was busy; nothing is written', async () => {
    const { manager, imp } = await startImport(50, 'LOCKED');
    const other = await otherSession();
    try {
      // Another session holds the cases table: every attempt of the import waits past the lock limit.
      await other.begin(async (s) => {
        await s`lock table cases in access exclusive mode`;
        await drainJobs(ctx.handle.db, JOB_HANDLERS);
        const [job] = await ctx.handle.db.select().from(jobs).where(eq(jobs.key, imp.id));
        expect(job).toMatchObject({ status: 'queued', attempts: 1 });
        expect(job?.lastError).toMatch(/lock/);
        // The last attempt.
        await ctx.handle.db
          .update(jobs)
          .set({ attempts: 2, maxAttempts: 3, runAt: new Date() })
          .where(eq(jobs.key, imp.id));
        await drainJobs(ctx.handle.db, JOB_HANDLERS);
      });
    } finally {
      await other.end();
    }
    expect(await manager.cases.imports.get({ importId: imp.id })).toMatchObject({
      status: 'failed',
      fileError: { code: 'dbBusy' },
    });
    const [job] = await ctx.handle.db.select().from(jobs).where(eq(jobs.key, imp.id));
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await ctx.handle.db.select({ n: count() }).from(cases).where(eq(cases.importId, imp.id)))[0]?.n).toBe(0);
    expect(
      (await ctx.handle.db.select({ n: count() }).from(caseImportRows).where(eq(caseImportRows.importId, imp.id)))[0]
        ?.n,
    ).toBe(0);
  });
});

describe('an import shows its progress while it runs', () => {
  it('saves the rows read as it goes, lands whole, and leaves no staged rows', async () => {
    const { manager, imp } = await startImport(5_000, 'PROG');
    const seen: number[] = [];
    let done = false;
    // Another reader follows the import the way its page does; on PostgreSQL it reads on
    // another connection while the import runs, on PGlite between the import's statements.
    const follow = (async () => {
      while (!done) {
        const [row] = await ctx.handle.db
          .select({ rowCount: caseImports.rowCount, status: caseImports.status })
          .from(caseImports)
          .where(eq(caseImports.id, imp.id));
        if (row?.status === 'running' && row.rowCount > 0) seen.push(row.rowCount);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await runImport(ctx.handle.db, imp.id, getBlobStore(), { progressEveryMs: 0 });
    done = true;
    await follow;
    expect(await manager.cases.imports.get({ importId: imp.id })).toMatchObject({
      status: 'succeeded',
      rowCount: 5_000,
      rowsWritten: 5_000,
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.some((n) => n < 5_000)).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect((await ctx.handle.db.select({ n: count() }).from(cases).where(eq(cases.importId, imp.id)))[0]?.n).toBe(
      5_000,
    );
    expect((await ctx.handle.db.select({ n: count() }).from(caseImportRows))[0]?.n).toBe(0);
  });
});
