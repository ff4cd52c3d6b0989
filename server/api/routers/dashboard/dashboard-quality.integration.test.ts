// The creditor's dashboard beyond money (DESIGN §3): promises kept and broken per agency
// with the kept rate, flagged actions per 1,000 cases worked, open debts by bucket, and
// recovery curves by months since each commission began. Only the creditor's own.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cases, commissions } from '@/db/schema';
import { decideRepayment, reportRepayment, reverseRepayment } from '../../../domain/money/repayments';
import { logAction } from '../../../domain/work/actions';
import { breakDuePromises } from '../../../domain/work/promises';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { morning, workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';

const ctx = freshWorldPerTest();
const beijing = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
const monthOffset = (offset: number) => {
  const [y, m] = beijing(new Date()).slice(0, 7).split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
const call = (caseId: string, outcome: string, over: Record<string, unknown> = {}) => ({
  caseId,
  channel: 'call' as const,
  target: 'debtor' as const,
  index: 0,
  outcome: outcome as never,
  note: '',
  ...over,
});

describe('the creditor’s dashboard: quality, ageing and curves', () => {
  it('counts promises kept and broken, flagged actions per 1,000 cases placed, open debts by bucket, and the curve of each commission', async () => {
    const made = await workingCases(ctx.w, 4);
    const start = `${monthOffset(-1)}-01`;
    await ctx.handle.db.update(commissions).set({ startsOn: start }).where(eq(commissions.packageId, made.pkg.id));
    const [commission] = await ctx.handle.db.select().from(commissions).where(eq(commissions.packageId, made.pkg.id));
    const rows = await ctx.handle.db.select().from(cases).where(eq(cases.packageId, made.pkg.id));
    const [a, b, c] = rows;
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    const manager = await domainCaller(ctx.w, 'creditorA.manager');
    const today = beijing(new Date());
    // A promise kept by a payment, one broken two days after its date, and a flagged call.
    await logAction(
      ctx.handle.db,
      collector,
      call(a!.id, 'promise_to_pay', { promiseAmount: 10_000, promiseDate: today }),
      morning('09:00:00'),
    );
    await logAction(
      ctx.handle.db,
      collector,
      call(b!.id, 'promise_to_pay', { promiseAmount: 5_000, promiseDate: today }),
      morning('09:05:00'),
    );
    await logAction(
      ctx.handle.db,
      collector,
      call(c!.id, 'answered', { note: '再不还就爆通讯录' }),
      morning('09:10:00'),
    );
    const paidLastMonth = await reportRepayment(ctx.handle.db, collector, {
      caseId: a!.id,
      amount: 30_000,
      paidOn: `${monthOffset(-1)}-20`,
      channel: 'bank_transfer',
      payer: '本人',
      reference: 'Q-1',
      note: '',
    });
    await decideRepayment(ctx.handle.db, manager, { repaymentId: paidLastMonth.id, confirm: true, note: '' });
    const paidToday = await reportRepayment(ctx.handle.db, collector, {
      caseId: a!.id,
      amount: 10_000,
      paidOn: today,
      channel: 'bank_transfer',
      payer: '本人',
      reference: 'Q-2',
      note: '',
    });
    await decideRepayment(ctx.handle.db, manager, { repaymentId: paidToday.id, confirm: true, note: '' });
    // A reversal takes its money off the curve again.
    const reversed = await reportRepayment(ctx.handle.db, collector, {
      caseId: c!.id,
      amount: 7_000,
      paidOn: today,
      channel: 'alipay',
      payer: '本人',
      reference: 'Q-3',
      note: '',
    });
    await decideRepayment(ctx.handle.db, manager, { repaymentId: reversed.id, confirm: true, note: '' });
    await reverseRepayment(ctx.handle.db, manager, { repaymentId: reversed.id, reason: '银行退票' });
    await breakDuePromises(ctx.handle.db, new Date(Date.now() + 3 * 86_400_000));

    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const range = { from: monthOffset(-1), to: monthOffset(0) };
    const q = {
      agencies: await creditor.dashboard.promises(range),
      ageing: await creditor.dashboard.ageing(),
      curves: await creditor.dashboard.curves(range),
    };
    expect(q.agencies).toEqual([
      {
        agencyId: ctx.w.orgs.agencyA.id,
        agencyName: ctx.w.orgs.agencyA.name,
        promisesKept: 1,
        promisesBroken: 1,
        promisesOpen: 0,
        keptRateBp: 5_000,
        flagged: 1,
        casesPlaced: 4,
        flagsPerThousand: 250,
      },
    ]);
    // Every open case of the creditor by bucket; what is still owed, all of it with the agency here.
    const owed = rows.reduce((s, r) => s + r.amountOverdue, 0) - 40_000;
    expect(q.ageing.reduce((s, g) => s + g.outstanding, 0)).toBe(owed);
    expect(q.ageing.reduce((s, g) => s + g.cases, 0)).toBe(4);
    expect(q.ageing.every((g) => g.placed === g.outstanding)).toBe(true);
    // Month 1 (last month): ¥300; month 2 (this month): ¥400 in all; the reversed ¥70 not at all.
    expect(q.curves).toHaveLength(1);
    expect(q.curves[0]).toMatchObject({
      commissionId: commission!.id,
      startsOn: start,
      placed: commission!.totalOverdue,
    });
    expect(q.curves[0]?.points.map((p) => p.recovered)).toEqual([30_000, 40_000]);
    expect(q.curves[0]?.points[1]?.rateBp).toBe(Math.round((40_000 * 10_000) / commission!.totalOverdue));

    // Another creditor sees none of it; a range that ends before it starts is refused on its field.
    const other = await callerAs(ctx.handle.db, ctx.w.users['creditorB.admin']);
    expect([
      await other.dashboard.promises(range),
      await other.dashboard.ageing(),
      await other.dashboard.curves(range),
    ]).toEqual([[], [], []]);
    await expect(creditor.dashboard.promises({ from: monthOffset(0), to: monthOffset(-1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(creditor.dashboard.curves({ from: monthOffset(0), to: monthOffset(-1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // A range before the commission began draws no curve.
    expect(await creditor.dashboard.curves({ from: monthOffset(-6), to: monthOffset(-3) })).toEqual([]);
  });
});
