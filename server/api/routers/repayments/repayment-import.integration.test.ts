// The creditor's repayment file (DESIGN §3): rows confirm the agency's reports of the same
// payment and record the payments it never reported; the file lands whole or not at all,
// every bad row named by row and column (an unknown contract, a row two reports could
// answer, more than is open, the same payment twice). Encodings as for case files.
import { and, eq, inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { auditLog, caseImports, cases, commissionLines, repayments } from '@/db/schema';
import { reportRepayment, type ReportRepaymentInput } from '../../../domain/money/repayments';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { sampleXlsx } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { startTermThisYear, workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';

const ctx = freshWorldPerTest();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const caseOf = async (id: string) => (await ctx.handle.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const report = async (caseId: string, over: Partial<ReportRepaymentInput> = {}) =>
  reportRepayment(ctx.handle.db, await domainCaller(ctx.w, 'agencyA.collector'), {
    caseId,
    amount: 10_000,
    paidOn: today(),
    channel: 'bank_transfer',
    payer: '本人',
    reference: '',
    note: '',
    ...over,
  });
const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
const HEAD = ['合同编号', '还款金额', '还款日期', '交易流水号', '还款渠道'];

const importFile = async (bytes: Uint8Array | string, who: UserKey = 'creditorA.manager', fileName = '还款.csv') => {
  const caller = await callerAs(ctx.handle.db, ctx.w.users[who]);
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const started = await caller.repayments.imports.start({
    fileId: (await caller.files.upload(new Blob([new Uint8Array(data)]))).id,
    fileName,
  });
  await drainJobs(ctx.handle.db, JOB_HANDLERS);
  return caller.repayments.imports.get({ importId: started.id });
};

describe('a repayment file', () => {
  it('confirms the agency’s report, records a direct payment with its commission, and counts one already on record', async () => {
    const { caseIds, pkg } = await workingCases(ctx.w, 3);
    await startTermThisYear(ctx.w, pkg.id);
    const [a, b] = await Promise.all([caseOf(caseIds[0]!), caseOf(caseIds[1]!)]);
    const reported = await report(a.id, { amount: 12_345, reference: 'TX-A' });
    const file = csv([
      HEAD,
      [a.contractNo, '123.45', today(), 'TX-A', '银行转账'],
      [b.contractNo, '50', today(), '', '微信'],
    ]);
    const imp = await importFile(file);
    expect(imp).toMatchObject({
      kind: 'repayments',
      status: 'succeeded',
      rowCount: 2,
      summary: { matched: 1, direct: 1, alreadyRecorded: 0, amount: 17_345 },
    });
    expect((await ctx.handle.db.select().from(repayments).where(eq(repayments.id, reported.id)))[0]).toMatchObject({
      status: 'confirmed',
      importId: imp.id,
      decisionNote: `还款文件 还款.csv 第 2 行`,
    });
    const [direct] = await ctx.handle.db.select().from(repayments).where(eq(repayments.caseId, b.id));
    expect(direct).toMatchObject({
      source: 'creditor',
      status: 'confirmed',
      amount: 5_000,
      channel: 'wechat_pay',
      payer: '本人',
      agencyId: ctx.w.orgs.agencyA.id,
      importId: imp.id,
    });
    expect((await caseOf(a.id)).repaidAmount).toBe(12_345);
    expect((await caseOf(b.id)).repaidAmount).toBe(5_000);
    // Both were paid inside the term: the agency earns on each, at its rate.
    const lines = await ctx.handle.db
      .select()
      .from(commissionLines)
      .where(inArray(commissionLines.caseId, [a.id, b.id]));
    expect(lines.map((l) => l.baseAmount).sort((x, y) => x - y)).toEqual([5_000, 12_345]);
    const audits = await ctx.handle.db
      .select({ action: auditLog.action, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.resourceId, imp.id));
    expect(audits.map((x) => x.action).sort()).toEqual(['repayment.importStarted', 'repayment.imported']);
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin']);
    expect(
      (await agency.notifications.list({ limit: 10 })).items.find((n) => n.kind === 'repayment.imported')?.params,
    ).toEqual({ matched: '1', direct: '1' });

    // The same file again changes nothing: both rows are already on record.
    const again = await importFile(file);
    expect(again).toMatchObject({
      status: 'succeeded',
      summary: { matched: 0, direct: 0, alreadyRecorded: 2, amount: 0 },
    });
    expect((await caseOf(b.id)).repaidAmount).toBe(5_000);
  });

  it('refuses the whole file for one bad row, naming every row and column; the fixed file lands', async () => {
    const { caseIds } = await workingCases(ctx.w, 3);
    const [a, b, c] = await Promise.all(caseIds.map(caseOf));
    const good = await report(a!.id, { amount: 10_000 });
    // Two reports of ¥20 on one day, with different transaction numbers: a row without one cannot choose.
    await report(b!.id, { amount: 2_000, reference: 'TX-1' });
    await report(b!.id, { amount: 2_000, reference: 'TX-2' });
    const open = c!.amountOverdue;
    const rows = [
      HEAD,
      [a!.contractNo, '100', today(), '', ''],
      ['NO-SUCH-CASE', '1', today(), '', ''],
      [b!.contractNo, '20', today(), '', ''],
      [c!.contractNo, ((open + 1) / 100).toFixed(2), today(), '', ''],
      [c!.contractNo, '1', today(), 'R1', '刷卡'],
      [c!.contractNo, '2', today(), 'R2', ''],
      [c!.contractNo, '2', today(), 'R2', ''],
    ];
    const imp = await importFile(csv(rows));
    expect(imp).toMatchObject({ status: 'failed', rowCount: 7, errorCount: 5 });
    expect(imp.errors).toEqual([
      { row: 3, column: '合同编号', code: 'caseNotFound', values: { value: 'NO-SUCH-CASE' } },
      { row: 4, column: '合同编号', code: 'ambiguousMatch', values: { count: 2 } },
      { row: 5, column: '还款金额', code: 'exceedsBalance', values: { open: (open / 100).toFixed(2) } },
      { row: 6, column: '还款渠道', code: 'channel', values: { value: '刷卡' } },
      { row: 8, column: '合同编号', code: 'duplicatePayment', values: { row: 7 } },
    ]);
    expect(imp.reportFileId).not.toBeNull();
    // Nothing half-written: the good row's report still waits, no direct payment exists.
    expect((await ctx.handle.db.select().from(repayments).where(eq(repayments.id, good.id)))[0]?.status).toBe(
      'reported',
    );
    expect(await ctx.handle.db.select().from(repayments).where(eq(repayments.caseId, c!.id))).toHaveLength(0);
    expect((await caseOf(a!.id)).repaidAmount).toBe(0);

    const fixed = await importFile(
      csv([
        HEAD,
        [a!.contractNo, '100', today(), '', ''],
        [b!.contractNo, '20', today(), 'TX-2', ''],
        [c!.contractNo, '2', today(), 'R2', ''],
      ]),
    );
    expect(fixed).toMatchObject({
      status: 'succeeded',
      summary: { matched: 2, direct: 1, alreadyRecorded: 0, amount: 12_200 },
    });
    const onB = await ctx.handle.db
      .select({ reference: repayments.reference, status: repayments.status })
      .from(repayments)
      .where(eq(repayments.caseId, b!.id));
    expect(onB.sort((x, y) => x.reference.localeCompare(y.reference))).toEqual([
      { reference: 'TX-1', status: 'reported' },
      { reference: 'TX-2', status: 'confirmed' },
    ]);
  });

  it('reads GB18030 and XLSX; direct payments on one case add up against what is open', async () => {
    const { caseIds } = await workingCases(ctx.w, 2);
    const c = await caseOf(caseIds[0]!);
    const half = Math.floor(c.amountOverdue / 2);
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const gb = await importFile(
      iconv.encode(csv([HEAD, [c.contractNo, yuan(half), today(), '流水一', '柜台']]), 'gb18030'),
    );
    expect(gb).toMatchObject({ status: 'succeeded', encoding: 'gb18030', summary: { direct: 1 } });
    // Two more halves: the second is over by what the first left.
    const over = await importFile(
      await sampleXlsx([
        HEAD,
        [c.contractNo, yuan(half), today(), 'X1', ''],
        [c.contractNo, yuan(half), today(), 'X2', ''],
      ]),
      'creditorA.admin',
      '还款.xlsx',
    );
    const left = c.amountOverdue - 2 * half;
    expect(over).toMatchObject({
      status: 'failed',
      format: 'xlsx',
      errors: [{ row: 3, column: '还款金额', code: 'exceedsBalance', values: { open: yuan(left) } }],
    });
    const settled = await importFile(
      await sampleXlsx([HEAD, [c.contractNo, yuan(c.amountOverdue - half), today(), 'X1', '']]),
      'creditorA.admin',
      '还款.xlsx',
    );
    expect(settled).toMatchObject({ status: 'succeeded' });
    expect(await caseOf(c.id)).toMatchObject({ repaidAmount: c.amountOverdue, status: 'settled' });
  });

  it('another creditor’s contracts are unknown to a file, and its files are not listed', async () => {
    const { caseIds } = await workingCases(ctx.w, 2);
    const c = await caseOf(caseIds[0]!);
    const theirs = await importFile(csv([HEAD, [c.contractNo, '1', today(), '', '']]), 'creditorB.manager');
    expect(theirs).toMatchObject({ status: 'failed', errors: [{ row: 2, code: 'caseNotFound' }] });
    const mine = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    expect((await mine.repayments.imports.list({ limit: 10 })).items.map((i) => i.id)).not.toContain(theirs.id);
    await expect(mine.repayments.imports.get({ importId: theirs.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A case file is not a repayment file: each list holds its own kind.
    expect((await mine.cases.imports.list({ limit: 50 })).items.every((i) => i.kind === 'cases')).toBe(true);
    const rows = await ctx.handle.db
      .select({ kind: caseImports.kind })
      .from(caseImports)
      .where(and(eq(caseImports.id, theirs.id)));
    expect(rows).toEqual([{ kind: 'repayments' }]);
  });

  it('names the missing columns, and refuses an empty file', async () => {
    expect(await importFile(csv([['合同编号', '金额']]))).toMatchObject({
      status: 'failed',
      fileError: { code: 'missingHeaders', values: { columns: '还款金额 (amount)、还款日期 (paid_on)' } },
    });
    expect(await importFile(csv([HEAD]))).toMatchObject({ status: 'failed', fileError: { code: 'empty' } });
  });
});
