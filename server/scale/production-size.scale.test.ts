// Real size on the real database (`npm run test:scale`, PostgreSQL only): what a lender,
// its agencies and the platform do in their first month, at the size they do it, through
// the same job queue, handlers and connection limits as production, progress saved as it
// goes. Each piece of work must finish, and its result is checked to the row and the fen,
// with its one audit row. A lock held while awaiting work that needs the same lock, or a
// statement over its limit, shows here and nowhere else.
import { and, count, eq, sql, sum } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, caseImportRows, caseImports, cases, repayments, scorecards, statements } from '@/db/schema';
import { sampleCaseRows, toCsv } from '@/db/seed/case-file';
import { JOB_HANDLERS } from '../jobs/handlers';
import { drainJobs } from '../jobs/queue';
import { computeLastMonthAtScale, seedAgenciesWithLastMonth } from '../testing/scale';
import { executeRows } from '../domain/shared/execute';
import { sampleXlsx } from '../testing/cases';
import { createTestDb, isPostgresRun } from '../testing/db';
import { buildWorld, callerAs, type World } from '../testing/world';

const ctx = {} as { handle: DbHandle; w: World };
beforeAll(async () => {
  if (!isPostgresRun())
    throw new Error('the size tests run on PostgreSQL: set TEST_DATABASE_URL (npm run test:scale does)');
  ctx.handle = await createTestDb();
  ctx.w = await buildWorld(ctx.handle.db);
});
afterAll(async () => {
  await ctx.handle?.close();
});

const manager = () => callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
const creditorId = () => ctx.w.orgs.creditorA.id;
const yuanToFen = (s: string) => Math.round(Number(s) * 100);
const audits = async (resourceId: string, action: string) =>
  (
    await ctx.handle.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, resourceId), eq(auditLog.action, action)))
  )[0]?.n;

/**
 * Runs the queue until the job is done, while a reader on another connection follows the
 * import the way its page does: the figures it saw, in order.
 */
const drainFollowing = async (importId: string) => {
  const seen: number[] = [];
  let done = false;
  const follow = (async () => {
    while (!done) {
      const [row] = await ctx.handle.db
        .select({ rowCount: caseImports.rowCount, rowsWritten: caseImports.rowsWritten, status: caseImports.status })
        .from(caseImports)
        .where(eq(caseImports.id, importId));
      // The page's bar: rows read while checking, then rows written while landing (where the body can tell).
      if (row?.status === 'running' && row.rowCount > 0) seen.push(row.rowCount + row.rowsWritten);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
  } finally {
    done = true;
    await follow;
  }
  return seen;
};

/** At least two figures short of the end (rows read, then rows read and written), never going back. */
const expectRising = (seen: number[], end: number) => {
  expect(seen.filter((n) => n < end).length).toBeGreaterThanOrEqual(2);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
};

/** Imports a case file through the job; checks it landed whole, to the fen, with one audit row, progress rising. */
const importCases = async (bytes: Uint8Array, fileName: string, rows: readonly (readonly string[])[]) => {
  const m = await manager();
  const file = await m.files.upload(new Blob([new Uint8Array(bytes)]));
  const imp = await m.cases.imports.start({ fileId: file.id, fileName });
  const seen = await drainFollowing(imp.id);
  const done = await m.cases.imports.get({ importId: imp.id });
  expect(done).toMatchObject({ status: 'succeeded', rowCount: rows.length, errorCount: 0 });
  expectRising(seen, rows.length);
  const [landed] = await ctx.handle.db
    .select({ n: count(), principal: sum(cases.principalOutstanding), overdue: sum(cases.amountOverdue) })
    .from(cases)
    .where(eq(cases.importId, imp.id));
  expect(landed?.n).toBe(rows.length);
  expect(Number(landed?.principal)).toBe(rows.reduce((a, r) => a + yuanToFen(r[5] ?? ''), 0));
  expect(Number(landed?.overdue)).toBe(rows.reduce((a, r) => a + yuanToFen(r[6] ?? ''), 0));
  expect(await audits(imp.id, 'case.imported')).toBe(1);
  expect(
    (await ctx.handle.db.select({ n: count() }).from(caseImportRows).where(eq(caseImportRows.importId, imp.id)))[0]?.n,
  ).toBe(0);
  return imp.id;
};

describe('a lender’s first month at real size', () => {
  it('imports a 50,000-row GB18030 case file with its progress rising', async () => {
    const all = [...sampleCaseRows(50_000, 'GB')];
    await importCases(iconv.encode(toCsv(all), 'gb18030'), '五万行.csv', all.slice(1));
  });

  it('imports a 20,000-row XLSX case file with its progress rising', async () => {
    const all = [...sampleCaseRows(20_000, 'XL')];
    await importCases(await sampleXlsx(all), '两万行.xlsx', all.slice(1));
  });

  it('reconciles a 20,000-row repayment file: every payment recorded once, to the fen', async () => {
    const contracts = (
      await ctx.handle.db
        .select({ c: cases.contractNo })
        .from(cases)
        .where(eq(cases.creditorId, creditorId()))
        .orderBy(cases.contractNo)
        .limit(20_000)
    ).map((r) => r.c);
    expect(contracts).toHaveLength(20_000);
    const paidOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() - 86_400_000),
    );
    const rows = contracts.map((c, i) => [
      c,
      `${10 + (i % 90)}.${String(i % 100).padStart(2, '0')}`,
      paidOn,
      `TX${i}`,
      '银行转账',
    ]);
    const expected = rows.reduce((a, r) => a + yuanToFen(r[1] ?? ''), 0);
    const m = await manager();
    const file = await m.files.upload(
      new Blob([`\uFEFF${toCsv([['合同编号', '还款金额', '还款日期', '交易流水号', '还款渠道'], ...rows])}`]),
    );
    const imp = await m.repayments.imports.start({ fileId: file.id, fileName: '回款.csv' });
    const seen = await drainFollowing(imp.id);
    const done = await m.repayments.imports.get({ importId: imp.id });
    expect(done).toMatchObject({
      status: 'succeeded',
      rowCount: 20_000,
      summary: { matched: 0, direct: 20_000, alreadyRecorded: 0, amount: expected },
    });
    // Reading 20,000 rows is quick; writing them one payment at a time is where the bar moves.
    expectRising(seen, 40_000);
    const [money] = await ctx.handle.db
      .select({ n: count(), total: sum(repayments.amount) })
      .from(repayments)
      .where(eq(repayments.importId, imp.id));
    expect(money?.n).toBe(20_000);
    expect(Number(money?.total)).toBe(expected);
    const [repaid] = await executeRows<{ total: string }>(
      ctx.handle.db,
      sql`select sum(repaid_amount)::text as total from cases where creditor_id = ${creditorId()}`,
    );
    expect(Number(repaid?.total)).toBe(expected);
    expect(await audits(imp.id, 'repayment.imported')).toBe(1);
  });

  it('applies a 20,000-row update file: every change in one transaction, each kept in the history', async () => {
    // The first 20,000 cases of the 50,000-row file: a new principal, a number found, a new
    // address, and on every tenth case its first number retired.
    const rows = [...sampleCaseRows(20_000, 'GB')]
      .slice(1)
      .map((r, i) => [
        r[0] ?? '',
        `${1000 + (i % 5000)}.${String(i % 100).padStart(2, '0')}`,
        `186${String(i).padStart(8, '0')}`,
        i % 10 === 0 ? ((r[3] ?? '').split(';')[0] ?? '') : '',
        `上海市浦东新区更新路${i}号`,
      ]);
    const m = await manager();
    const file = await m.files.upload(
      new Blob([`\uFEFF${toCsv([['合同编号', '剩余本金', '新增手机号', '停用号码', '地址'], ...rows])}`]),
    );
    const started = Date.now();
    const imp = await m.cases.updates.start({ fileId: file.id, fileName: '更新.csv' });
    const seen = await drainFollowing(imp.id);
    const ms = Date.now() - started;
    console.log(`20,000-row update file applied in ${ms} ms`);
    expect(await m.cases.updates.get({ importId: imp.id })).toMatchObject({ status: 'succeeded', rowCount: 20_000 });
    expect(seen.length).toBeGreaterThan(0);
    const changes = await executeRows<{ field: string; n: number }>(
      ctx.handle.db,
      sql`select field::text, count(*)::int as n from case_changes where import_id = ${imp.id} group by field order by field`,
    );
    expect(changes).toEqual([
      { field: 'address', n: 20_000 },
      { field: 'phone_added', n: 20_000 },
      { field: 'phone_retired', n: 2_000 },
      { field: 'principal_outstanding', n: 20_000 },
    ]);
    const [principal] = await executeRows<{ total: string }>(
      ctx.handle.db,
      sql`select sum(principal_outstanding)::text as total from cases where creditor_id = ${creditorId()} and contract_no between 'GB00000000' and 'GB00019999'`,
    );
    expect(Number(principal?.total)).toBe(rows.reduce((a, r) => a + yuanToFen(r[1] ?? ''), 0));
    expect(await audits(imp.id, 'case.updatesImported')).toBe(1);
  });

  it('exports 100,000 cases through the job', async () => {
    const [have] = await ctx.handle.db.select({ n: count() }).from(cases).where(eq(cases.creditorId, creditorId()));
    // The two imports brought 70,000; the rest as if imported earlier.
    const [imp] = await ctx.handle.db
      .select({ id: caseImports.id })
      .from(caseImports)
      .where(eq(caseImports.creditorId, creditorId()))
      .limit(1);
    await ctx.handle.db.execute(sql`
      insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since)
      select ${creditorId()}, ${imp?.id}, 'EARLY' || lpad(g::text, 8, '0'), '李四', 'v1:sealed', md5(g::text), '110***********1234',
        '[{"enc":"v1:sealed","idx":"x","masked":"138****0000"}]'::jsonb, 1000000, 600000, 150000, current_date - 90, current_date - 90
      from generate_series(1, ${100_000 - (have?.n ?? 0)}) g`);
    const m = await manager();
    const started = await m.exports.start({ list: 'creditor.cases', format: 'csv', filters: {} });
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const done = await m.exports.get({ exportId: started.id });
    expect(done).toMatchObject({ status: 'succeeded', rowCount: 100_000 });
    expect(await audits(started.id, 'export.finished')).toBe(1);
  });

  it('draws up last month’s statements for 200 agencies, to the fen', async () => {
    const seeded = await seedAgenciesWithLastMonth(ctx.handle.db, ctx.w, 200);
    const m = await manager();
    expect(await m.statements.generate({ month: seeded.month })).toEqual({ created: 200 });
    const [drawn] = await ctx.handle.db
      .select({ n: count(), lines: sum(statements.lineCount), total: sum(statements.total) })
      .from(statements)
      .where(and(eq(statements.creditorId, creditorId()), eq(statements.month, seeded.month)));
    expect(drawn?.n).toBe(200);
    expect(Number(drawn?.lines)).toBe(seeded.lines);
    expect(Number(drawn?.total)).toBe(seeded.fees);
    expect(await audits(creditorId(), 'statement.generate')).toBe(1);
  });

  it('computes a scorecard month for 200 agencies through the job', async () => {
    const { month } = await computeLastMonthAtScale(ctx.handle.db);
    await drainJobs(ctx.handle.db, JOB_HANDLERS);
    const [cards] = await ctx.handle.db.select({ n: count() }).from(scorecards).where(eq(scorecards.month, month));
    const [agencies] = await executeRows<{ n: number }>(
      ctx.handle.db,
      sql`select count(*)::int as n from organizations where type = 'agency' and status in ('active', 'suspended', 'expired')`,
    );
    expect(agencies?.n).toBeGreaterThanOrEqual(200);
    expect(cards?.n).toBe(agencies?.n);
    expect(await audits(month, 'scorecard.compute')).toBe(1);
  });
});
