// Repayments (DESIGN §3): the agency reports what the debtor paid; the creditor confirms
// or disputes it once; confirmed money moves the case's balance and settles a paid-off
// case; a reversal reopens it. Bad input: more than the balance, zero, a future date, a
// date before the commission, the same payment twice, a reversal of an unconfirmed one,
// two answers at once.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, promises, repayments } from '@/db/schema';
import { samplePdf } from '@/db/seed/sample-pdf';
import {
  decideRepayment,
  reportRepayment,
  reverseRepayment,
  type ReportRepaymentInput,
} from '../../../domain/money/repayments';
import { uploadFile } from '../../../domain/files/files';
import { logAction } from '../../../domain/work/actions';
import { bytesStream } from '../../../storage/ingest';
import { getBlobStore } from '../../../storage/store';
import { isPostgresRun } from '../../../testing/db';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../../testing/world';
import { describeError, toTRPCError } from '../../errors';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => domainCaller(ctx.w, who);
const zh = (e: unknown) => describeError('zh-CN', toTRPCError(e as never)).message;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const dayOffset = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + days * 86_400_000));
const caseOf = async (id: string) => (await ctx.handle.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const report = async (caseId: string, over: Partial<ReportRepaymentInput> = {}) =>
  reportRepayment(ctx.handle.db, await as('agencyA.collector'), {
    caseId,
    amount: 10_000,
    paidOn: today(),
    channel: 'bank_transfer',
    payer: '本人',
    reference: '',
    note: '',
    ...over,
  });

describe('reporting a repayment', () => {
  it('records a report with its receipt, tells the creditor, and leaves the balance until confirmed', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const receipt = await uploadFile(
      ctx.handle.db,
      await as('agencyA.collector'),
      bytesStream(samplePdf(['转账回单 ¥100.00'])),
      getBlobStore(),
    );
    const r = await report(caseId, { receiptFileId: receipt.id, reference: 'TX2026112300001' });
    expect(r).toMatchObject({ status: 'reported', amount: 10_000, source: 'agency', agencyId: ctx.w.orgs.agencyA.id });
    expect((await caseOf(caseId)).repaidAmount).toBe(0);
    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    expect((await creditor.repayments.list({ status: 'reported', limit: 10 })).items.map((x) => x.id)).toContain(r.id);
    expect((await creditor.notifications.list({ limit: 10 })).items.map((n) => n.kind)).toContain('repayment.reported');
  });

  it('refuses zero, more than the open balance, a future date, a date before the commission, the same payment twice and a foreign receipt', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const due = (await caseOf(caseId)).amountOverdue;
    const over = await report(caseId, { amount: due + 1 }).catch((e: unknown) => e);
    expect(over).toMatchObject({ code: 'repayment.exceedsBalance', details: { field: 'amount' } });
    expect(zh(over)).toBe(`还款金额超过案件尚未结清的余额 ¥${(due / 100).toFixed(2)}（已确认和待确认的还款已扣除）`);
    await expect(report(caseId, { paidOn: dayOffset(1) })).rejects.toMatchObject({
      code: 'repayment.future',
      details: { field: 'paidOn' },
    });
    await expect(report(caseId, { paidOn: dayOffset(-1) })).rejects.toMatchObject({
      code: 'repayment.beforeCommission',
      details: { field: 'paidOn' },
    });
    await report(caseId, { amount: 5_000 });
    await expect(report(caseId, { amount: 5_000 })).rejects.toMatchObject({ code: 'repayment.duplicate' });
    await report(caseId, { amount: 5_000, reference: 'TX-2' });
    // Pending reports hold the balance: the rest is what can still be reported.
    await expect(report(caseId, { amount: due - 10_000 + 1 })).rejects.toMatchObject({
      code: 'repayment.exceedsBalance',
    });
    const theirs = await uploadFile(
      ctx.handle.db,
      await as('agencyB.admin'),
      bytesStream(samplePdf(['x'])),
      getBlobStore(),
    );
    await expect(report(caseId, { amount: 100, receiptFileId: theirs.id })).rejects.toMatchObject({
      code: 'file.notFound',
      details: { field: 'receiptFileId' },
    });
    const caller = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    await expect(
      caller.work.reportRepayment({
        caseId,
        amount: 0,
        paidOn: today(),
        channel: 'alipay',
        payer: '本人',
        reference: '',
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('the creditor decides', () => {
  it('confirms once, moving the balance and keeping the promise it meets; a paid-off case is settled; a reversal reopens it', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const c = await caseOf(caseId);
    await logAction(
      ctx.handle.db,
      await as('agencyA.collector'),
      {
        caseId,
        channel: 'call',
        target: 'debtor',
        index: 0,
        outcome: 'promise_to_pay',
        promiseAmount: 20_000,
        promiseDate: today(),
        note: '',
      },
      morning('09:00:00'),
    );
    const part = await report(caseId, { amount: 20_000 });
    const creditor = await as('creditorA.manager');
    await decideRepayment(ctx.handle.db, creditor, { repaymentId: part.id, confirm: true, note: '' });
    expect(await caseOf(caseId)).toMatchObject({ repaidAmount: 20_000, status: 'ptp' });
    expect(
      (await ctx.handle.db.select({ status: promises.status }).from(promises).where(eq(promises.caseId, caseId))).map(
        (p) => p.status,
      ),
    ).toEqual(['kept']);
    const again = await decideRepayment(ctx.handle.db, creditor, {
      repaymentId: part.id,
      confirm: false,
      note: '重复',
    }).catch((e: unknown) => e);
    expect(zh(again)).toBe('这笔还款已是“已确认”状态，不能再处理');
    const rest = await report(caseId, { amount: c.amountOverdue - 20_000, reference: 'TX-REST' });
    await decideRepayment(ctx.handle.db, creditor, { repaymentId: rest.id, confirm: true, note: '' });
    expect(await caseOf(caseId)).toMatchObject({ repaidAmount: c.amountOverdue, status: 'settled' });
    await expect(report(caseId, { amount: 1, reference: 'TX-MORE' })).rejects.toMatchObject({
      code: 'repayment.exceedsBalance',
    });
    await reverseRepayment(ctx.handle.db, creditor, { repaymentId: rest.id, reason: '银行退票' });
    expect(await caseOf(caseId)).toMatchObject({ repaidAmount: 20_000, status: 'working' });
    await expect(
      reverseRepayment(ctx.handle.db, creditor, { repaymentId: rest.id, reason: '再次' }),
    ).rejects.toMatchObject({ code: 'repayment.notConfirmed' });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'repayment.reverse'), eq(auditLog.resourceId, caseId)));
    expect(audit).toMatchObject({
      before: { caseStatus: 'settled', repaidAmount: c.amountOverdue },
      after: { caseStatus: 'working', repaidAmount: 20_000 },
    });
  });

  it('disputes with a reason; a reversal of an unconfirmed repayment is refused; another creditor finds nothing', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const r = await report(caseId);
    const creditor = await as('creditorA.admin');
    await expect(
      reverseRepayment(ctx.handle.db, creditor, { repaymentId: r.id, reason: '退票' }),
    ).rejects.toMatchObject({ code: 'repayment.notConfirmed' });
    await expect(
      decideRepayment(ctx.handle.db, creditor, { repaymentId: r.id, confirm: false, note: '' }),
    ).rejects.toMatchObject({ code: 'repayment.disputeReason', details: { field: 'note' } });
    await expect(
      decideRepayment(ctx.handle.db, await as('creditorB.admin'), { repaymentId: r.id, confirm: true, note: '' }),
    ).rejects.toMatchObject({ code: 'repayment.notFound' });
    await decideRepayment(ctx.handle.db, creditor, { repaymentId: r.id, confirm: false, note: '系统中未见到账' });
    expect(await caseOf(caseId)).toMatchObject({ repaidAmount: 0 });
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector']);
    expect((await agency.work.repayments({ caseId }))[0]).toMatchObject({
      status: 'disputed',
      decisionNote: '系统中未见到账',
    });
    // A disputed report no longer blocks the same payment being reported again, with its proof.
    await report(caseId);
  });

  it('keeps the money facts: the database refuses changing an amount or deleting a repayment', async () => {
    const { caseId } = await workingCases(ctx.w, 2);
    const r = await report(caseId);
    await expect(ctx.handle.db.execute(sql`update ${repayments} set amount = 1 where id = ${r.id}`)).rejects.toThrow();
    await expect(
      ctx.handle.db.execute(sql`update ${repayments} set paid_on = '2020-01-01' where id = ${r.id}`),
    ).rejects.toThrow();
    await expect(ctx.handle.db.execute(sql`delete from ${repayments} where id = ${r.id}`)).rejects.toThrow();
  });

  it.runIf(isPostgresRun())(
    'answers two confirmations at the same instant once, and the balance moves once',
    async () => {
      const { caseId } = await workingCases(ctx.w, 2);
      const r = await report(caseId, { amount: 30_000 });
      const [a, b] = await Promise.allSettled([
        decideRepayment(ctx.handle.db, await as('creditorA.admin'), { repaymentId: r.id, confirm: true, note: '' }),
        decideRepayment(ctx.handle.db, await as('creditorA.manager'), { repaymentId: r.id, confirm: true, note: '' }),
      ]);
      expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect((await caseOf(caseId)).repaidAmount).toBe(30_000);
    },
  );
});
