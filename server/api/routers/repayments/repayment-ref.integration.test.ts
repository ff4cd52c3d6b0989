// Reconciliation by the case's reference code (还款识别码, issue 20): a row of the creditor's
// repayment file that carries it, in its own column or inside the transfer's remark, is
// that case's payment even without (or with another system's) contract number, and counts
// for the agency's commission inside its term; another creditor's code, an unknown one,
// or one naming another case than the row's contract number is an error of that row and
// column, and nothing lands. The REST API's repayments go through the same file.
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { casePaymentRefs, cases, commissionLines, repayments } from '@/db/schema';
import { formatPaymentRef } from '@/lib/payments';
import { CREDITOR_REPAYMENTS } from '../../rest/changes';
import { ensurePaymentRef } from '../../../domain/payments/refs';
import { JOB_HANDLERS } from '../../../jobs/handlers';
import { drainJobs } from '../../../jobs/queue';
import { importBytes, sampleCsv } from '../../../testing/cases';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { startTermThisYear, workingCases } from '../../../testing/work';
import { apiCall, drainingJobs, keyOf } from '../../../testing/api';
import { callerAs } from '../../../testing/world';

const ctx = freshWorldPerTest();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
const HEAD = ['合同编号', '还款金额', '还款日期', '交易流水号', '还款渠道', '备注', '还款识别码', '附言'];

const importFile = async (text: string) => {
  const caller = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
  const started = await caller.repayments.imports.start({
    fileId: (await caller.files.upload(new Blob([new TextEncoder().encode(text)]))).id,
    fileName: '银行流水.csv',
  });
  await drainJobs(ctx.handle.db, JOB_HANDLERS);
  return caller.repayments.imports.get({ importId: started.id });
};
const refOf = async (caseId: string) => {
  const [c] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c) throw new Error('no case');
  return ctx.handle.db.transaction(async (tx) => (await ensurePaymentRef(tx, c)).ref);
};
describe('a repayment file row with a reference code', () => {
  it('goes to the code’s case without a contract number, or with another system’s; found in the remark too; commission earned', async () => {
    const { caseIds, pkg } = await workingCases(ctx.w, 3);
    await startTermThisYear(ctx.w, pkg.id);
    const [a, b, c] = await Promise.all(caseIds.map(refOf));
    const imp = await importFile(
      csv([
        HEAD,
        ['', '100.00', today(), 'B1', '银行转账', '', formatPaymentRef(a!).toLowerCase(), ''],
        ['LOANSYS-778', '50.00', today(), 'B2', '银行转账', '', '', `还款 ${b} 张三`],
        ['', '20.00', today(), 'B3', '', `代还 ${formatPaymentRef(c!)}`, '', ''],
      ]),
    );
    expect(imp).toMatchObject({ status: 'succeeded', summary: { direct: 3, amount: 17_000 } });
    const paid = await ctx.handle.db.select().from(repayments).where(inArray(repayments.caseId, caseIds));
    expect(
      Object.fromEntries(paid.map((r) => [caseIds.indexOf(r.caseId), [r.amount, r.source, r.status, r.agencyId]])),
    ).toEqual({
      0: [10_000, 'creditor', 'confirmed', ctx.w.orgs.agencyA.id],
      1: [5_000, 'creditor', 'confirmed', ctx.w.orgs.agencyA.id],
      2: [2_000, 'creditor', 'confirmed', ctx.w.orgs.agencyA.id],
    });
    // Paid inside the term: the agency earns on each, as on any direct payment.
    const lines = await ctx.handle.db.select().from(commissionLines).where(inArray(commissionLines.caseId, caseIds));
    expect(lines.map((l) => l.baseAmount).sort((x, y) => x - y)).toEqual([2_000, 5_000, 10_000]);
  });

  it('is an error naming the row and column for another creditor’s code, an unknown or mistyped one, one of another case; nothing lands', async () => {
    const { caseIds } = await workingCases(ctx.w, 2);
    const [a, b] = await Promise.all(caseIds.map(refOf));
    const [rowA] = await ctx.handle.db.select().from(cases).where(eq(cases.id, caseIds[0]!));
    // A case of creditorB, with its code.
    await importBytes(ctx.w, 'creditorB.admin', sampleCsv(1, 'BREF'));
    const [other] = await ctx.handle.db.select().from(cases).where(eq(cases.creditorId, ctx.w.orgs.creditorB.id));
    const foreign = await refOf(other!.id);
    const unknown = 'KX7MQ4PD';
    const imp = await importFile(
      csv([
        HEAD,
        ['', '10', today(), 'E1', '', '', foreign, ''],
        ['', '10', today(), 'E2', '', '', unknown, ''],
        ['', '10', today(), 'E3', '', '', 'KX7MQ4PE', ''],
        [rowA!.contractNo, '10', today(), 'E4', '', '', b!, ''],
        ['', '10', today(), 'E5', '', '', '', `转账 ${foreign}`],
        ['', '10', today(), 'E6', '', '', '', ''],
        [rowA!.contractNo, '10', today(), 'OK', '', '', a!, ''],
        ['', '10', today(), 'OK', '', '', a!, ''],
      ]),
    );
    expect(imp.status).toBe('failed');
    expect(imp.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
      { row: 2, column: '还款识别码', code: 'paymentRefUnknown' },
      { row: 3, column: '还款识别码', code: 'paymentRefUnknown' },
      { row: 4, column: '还款识别码', code: 'paymentRef' },
      { row: 5, column: '还款识别码', code: 'paymentRefOtherCase' },
      { row: 6, column: '附言', code: 'paymentRefUnknown' },
      { row: 7, column: '合同编号', code: 'caseRequired' },
      { row: 9, column: '合同编号', code: 'duplicatePayment' },
    ]);
    expect(await ctx.handle.db.select().from(repayments).where(inArray(repayments.caseId, caseIds))).toHaveLength(0);
    // No code was made by reading a file: only the three shown.
    const refs = await ctx.handle.db
      .select()
      .from(casePaymentRefs)
      .where(inArray(casePaymentRefs.caseId, [...caseIds, other!.id]));
    expect(refs).toHaveLength(3);
  });

  it('comes through the REST API’s repayments: paymentRef names the case; another creditor’s code is an error by index and field', async () => {
    const file = CREDITOR_REPAYMENTS.toFile([{ paymentRef: 'KX7M-Q4PD', amount: 1_000, paidOn: '2026-12-01' }]);
    expect(file.split('\r\n')[0]).toBe('contract_no,amount,paid_on,reference,channel,payer,note,payment_ref,remark');
    expect(CREDITOR_REPAYMENTS.item.safeParse({ amount: 1, paidOn: '2026-12-01' }).success).toBe(false);
    const { caseIds } = await workingCases(ctx.w, 2);
    const ref = formatPaymentRef(await refOf(caseIds[0]!));
    await importBytes(ctx.w, 'creditorB.admin', sampleCsv(1, 'BAPI'));
    const [other] = await ctx.handle.db.select().from(cases).where(eq(cases.creditorId, ctx.w.orgs.creditorB.id));
    const foreign = await refOf(other!.id);
    const { secret } = await keyOf(ctx.w, 'creditorA.admin', ['repayments:write']);
    const stopJobs = drainingJobs(ctx.handle.db);
    const post = (items: unknown[]) =>
      apiCall(ctx.handle.db, 'POST', '/creditor/repayments/batch', { key: secret, body: { items } });
    const bad = await post([
      { paymentRef: ref, amount: 1_000, paidOn: today() },
      { paymentRef: foreign, amount: 1_000, paidOn: today() },
    ]);
    expect(bad.status).toBe(422);
    expect(
      (bad.body.errors as { index: number; code: string; pointer?: string }[]).map((e) => [e.index, e.code]),
    ).toEqual([[1, 'paymentRefUnknown']]);
    const good = await post([{ paymentRef: ref, amount: 1_000, paidOn: today(), reference: 'API-REF-1' }]);
    await stopJobs();
    expect(good).toMatchObject({ status: 201, body: { recorded: 1, summary: { direct: 1, amount: 1_000 } } });
    const [paid] = await ctx.handle.db.select().from(repayments).where(eq(repayments.caseId, caseIds[0]!));
    expect(paid).toMatchObject({ amount: 1_000, reference: 'API-REF-1', status: 'confirmed' });
  });
});
