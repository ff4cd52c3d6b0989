// A case's repayment plan (还款计划): an approved restructuring's schedule kept as
// instalments. It covers what the case still owed when the request was made; confirmed
// repayments pay its instalments oldest first (one larger than an instalment pays the next)
// and a reversal takes its money out exactly. An instalment still unpaid the day after its
// last day of grace (due date + the package's grace days, Beijing) breaks the plan: the
// case owes its overdue amount again and ages from its filed overdue date; a plan paid in
// full completes; a newer approved plan supersedes the one in force.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, jobs, notifications, planInstalments, repaymentPlans } from '@/db/schema';
import { shanghaiDate, shanghaiInstant, startOfShanghaiDay } from '@/lib/dates';
import { JOB_HANDLERS } from '../../jobs/handlers';
import { drainJobs } from '../../jobs/queue';
import { decideRepayment, reportRepayment, reverseRepayment } from '../money/repayments';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { draftPackage, sampleTerms } from '../../testing/packages';
import { workingCases } from '../../testing/work';
import { callerAs, domainCaller, type UserKey } from '../../testing/world';
import { addDays, breakDuePlans, breakPlanIfDue, PLAN_CHECK_JOB } from './plans';
import { decideRestructure, proposeRestructure } from './restructure';
import { addMonths } from './restructure-plan';

const ctx = freshWorldPerTest();
const as = (who: UserKey) => domainCaller(ctx.w, who);
const OVERDUE = 1_200_000;
const TODAY = shanghaiDate(new Date());
/** An instant on a Beijing day. */
const at = (day: string, time = '10:00:00') => shanghaiInstant(`${day}T${time}`);
const D1 = addDays(TODAY, 5);
const D2 = addMonths(D1, 1);
const D3 = addMonths(D1, 2);

const caseOf = async (id: string) => (await ctx.handle.db.select().from(cases).where(eq(cases.id, id)))[0]!;
const planOf = async (caseId: string) =>
  (await ctx.handle.db.select().from(repaymentPlans).where(eq(repaymentPlans.caseId, caseId))).sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
  );
const linesOf = async (planId: string) =>
  (await ctx.handle.db.select().from(planInstalments).where(eq(planInstalments.planId, planId))).sort(
    (a, b) => a.no - b.no,
  );

/** A case of agencyA owing ¥12,000, assigned to its collector. */
const owingCase = async () => {
  const { caseId } = await workingCases(ctx.w, 2);
  await ctx.handle.db.update(cases).set({ amountOverdue: OVERDUE }).where(eq(cases.id, caseId));
  return caseId;
};

/** Three monthly instalments from D1, inside the package's bands (approved at once). */
const instalments = async (caseId: string, now = at(TODAY, '10:00:00'), first = D1) =>
  proposeRestructure(
    ctx.handle.db,
    await as('agencyA.collector'),
    { caseId, kind: 'instalments', terms: { instalments: 3, firstDueDate: first }, reason: '收入下降' },
    now,
  );

let refs = 0;
/** The debtor pays `amount` on `paidOn`; the creditor confirms it at `now`. */
const pay = async (caseId: string, amount: number, paidOn: string, now = at(paidOn, '12:00:00')) => {
  const r = await reportRepayment(
    ctx.handle.db,
    await as('agencyA.collector'),
    { caseId, amount, paidOn, channel: 'bank_transfer', payer: '本人', reference: `TX-${(refs += 1)}`, note: '' },
    now,
  );
  await decideRepayment(
    ctx.handle.db,
    await as('creditorA.manager'),
    { repaymentId: r.id, confirm: true, note: '' },
    now,
  );
  return r.id;
};

describe('an approved restructuring makes the case’s plan', () => {
  it('covers what was still owed: money repaid before stays outside it and pays no instalment', async () => {
    const caseId = await owingCase();
    await pay(caseId, 200_000, TODAY, at(TODAY, '09:00:00'));
    const request = await instalments(caseId);
    expect(request).toMatchObject({ status: 'approved', totalAmount: 1_000_000, repaidBefore: 200_000 });
    const [plan] = await planOf(caseId);
    expect(plan).toMatchObject({ status: 'active', totalAmount: 1_000_000, repaidBefore: 200_000, graceDays: 3 });
    expect((await linesOf(plan!.id)).map((l) => [l.no, l.dueDate, l.amount, l.paidAmount, l.status])).toEqual([
      [1, D1, 333_333, 0, 'due'],
      [2, D2, 333_333, 0, 'due'],
      [3, D3, 333_334, 0, 'due'],
    ]);
    const c = await caseOf(caseId);
    expect(c.overdueSince).toBe(D1);
    const page = await (await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector'])).work.case({ caseId });
    // What the case owes in all: the 2,000 already repaid and the plan.
    expect(page.amountDue).toBe(OVERDUE);
    expect(page.plans.plan).toMatchObject({ status: 'active', repaidBefore: 200_000, graceDays: 3 });
    expect(page.plans.plan?.instalments[0]).toMatchObject({ dueDate: D1, lastDayOfGrace: addDays(D1, 3) });
    // A check is queued at the end of each instalment's grace.
    const checks = await ctx.handle.db.select().from(jobs).where(eq(jobs.kind, PLAN_CHECK_JOB));
    expect(checks.map((j) => j.runAt.getTime()).sort()).toEqual(
      [D1, D2, D3].map((d) => startOfShanghaiDay(addDays(d, 4)).getTime()).sort(),
    );
  });

  it('a second approved plan supersedes the first, which is kept with its status; the creditor’s approval makes it', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    await pay(caseId, 400_000, D1);
    // Outside the bands (13 > 12 instalments): the creditor decides.
    const second = await proposeRestructure(
      ctx.handle.db,
      await as('agencyA.collector'),
      { caseId, kind: 'instalments', terms: { instalments: 13, firstDueDate: addDays(D1, 10) }, reason: '再延' },
      at(D1, '15:00:00'),
    );
    expect(second).toMatchObject({ status: 'proposed', repaidBefore: 400_000, totalAmount: 800_000 });
    await decideRestructure(
      ctx.handle.db,
      await as('creditorA.manager'),
      { requestId: second.id, approve: true, note: '' },
      at(D1, '16:00:00'),
    );
    const [first, next] = await planOf(caseId);
    expect(first).toMatchObject({ status: 'superseded' });
    expect(next).toMatchObject({ status: 'active', repaidBefore: 400_000, totalAmount: 800_000 });
    expect((await linesOf(next!.id)).every((l) => l.paidAmount === 0)).toBe(true);
    expect((await caseOf(caseId)).overdueSince).toBe(addDays(D1, 10));
    const record = await (await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager'])).record.case({ caseId });
    expect(record.plans.plan).toMatchObject({ id: next!.id, status: 'active' });
    expect(record.plans.earlier.map((p) => [p.id, p.status])).toEqual([[first!.id, 'superseded']]);
    expect(record.amountDue).toBe(OVERDUE);
    const audit = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'restructure.decide'), eq(auditLog.resourceId, caseId)));
    expect(audit[0]?.after).toMatchObject({ planId: next!.id, supersededPlanId: first!.id });
  });
});

describe('repayments pay the instalments, oldest first', () => {
  it('an instalment paid on its due date is paid, and the case ages from the next one', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    await pay(caseId, 400_000, D1);
    const [plan] = await planOf(caseId);
    expect((await linesOf(plan!.id))[0]).toMatchObject({ paidAmount: 400_000, paidOn: D1, status: 'paid' });
    expect((await caseOf(caseId)).overdueSince).toBe(D2);
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, startOfShanghaiDay(addDays(D1, 4)))).toBe(false);
  });

  it('one payment larger than an instalment pays the next; a reversal takes it out exactly and reopens them', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    await pay(caseId, 100_000, D1);
    const both = await pay(caseId, 500_000, D1, at(D1, '13:00:00'));
    const [plan] = await planOf(caseId);
    expect((await linesOf(plan!.id)).map((l) => [l.paidAmount, l.paidOn, l.status])).toEqual([
      [400_000, D1, 'paid'],
      [200_000, null, 'partly_paid'],
      [0, null, 'due'],
    ]);
    expect((await caseOf(caseId)).overdueSince).toBe(D2);
    await pay(caseId, 200_000, addDays(D1, 1));
    expect((await linesOf(plan!.id))[1]).toMatchObject({ paidAmount: 400_000, paidOn: addDays(D1, 1), status: 'paid' });
    expect((await caseOf(caseId)).overdueSince).toBe(D3);

    await reverseRepayment(
      ctx.handle.db,
      await as('creditorA.manager'),
      { repaymentId: both, reason: '银行退票' },
      at(addDays(D1, 2)),
    );
    // 100,000 + 200,000 stay: the first instalment is open again, the second has nothing.
    expect((await linesOf(plan!.id)).map((l) => [l.paidAmount, l.paidOn, l.status])).toEqual([
      [300_000, null, 'partly_paid'],
      [0, null, 'due'],
      [0, null, 'due'],
    ]);
    expect((await caseOf(caseId)).overdueSince).toBe(D1);
    // The reopened first instalment is checked again when its grace ends.
    const [check] = await ctx.handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, PLAN_CHECK_JOB), eq(jobs.key, (await linesOf(plan!.id))[0]!.id)));
    expect(check).toMatchObject({ status: 'queued', runAt: startOfShanghaiDay(addDays(D1, 4)) });
  });

  it('a plan paid in full completes and the case is settled; a reversal makes it active again', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    const last = await pay(caseId, OVERDUE, D1);
    const [plan] = await planOf(caseId);
    expect(plan).toMatchObject({ status: 'completed' });
    expect(await caseOf(caseId)).toMatchObject({ status: 'settled', overdueSince: null });
    await reverseRepayment(ctx.handle.db, await as('creditorA.manager'), { repaymentId: last, reason: '退款' }, at(D2));
    expect((await planOf(caseId))[0]).toMatchObject({ status: 'active', endedAt: null });
    expect(await caseOf(caseId)).toMatchObject({ status: 'working', overdueSince: D1 });
  });
});

describe('an instalment unpaid past its grace breaks the plan', () => {
  it('paid late on the last day of grace: the plan holds', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    const [plan] = await planOf(caseId);
    await pay(caseId, 400_000, addDays(D1, 3), at(addDays(D1, 3), '23:00:00'));
    expect((await linesOf(plan!.id))[0]).toMatchObject({ status: 'paid', paidOn: addDays(D1, 3) });
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, startOfShanghaiDay(addDays(D1, 4)))).toBe(false);
    expect((await planOf(caseId))[0]).toMatchObject({ status: 'active' });
  });

  it('not broken on the last day of grace, broken the day after: flag, balance, ageing, notices and audit', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    await pay(caseId, 100_000, D1);
    const [plan] = await planOf(caseId);
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, at(addDays(D1, 3), '23:59:59'))).toBe(false);
    const before = await caseOf(caseId);
    expect(before).toMatchObject({ planBrokenOn: null, overdueSince: D1 });

    // The check queued for the first instalment runs at the start of D1 + 4 (other tests' plans share the day).
    const dayAfter = startOfShanghaiDay(addDays(D1, 4));
    const first = (await linesOf(plan!.id))[0]!;
    await drainJobs(ctx.handle.db, { [PLAN_CHECK_JOB]: JOB_HANDLERS[PLAN_CHECK_JOB]! }, { now: () => dayAfter });
    const [check] = await ctx.handle.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, PLAN_CHECK_JOB), eq(jobs.key, first.id)));
    expect(check).toMatchObject({ status: 'done' });
    expect((await planOf(caseId))[0]).toMatchObject({
      status: 'broken',
      brokenOn: addDays(D1, 4),
      missedInstalmentNo: 1,
      endedAt: dayAfter,
    });
    expect((await linesOf(plan!.id)).map((l) => l.status)).toEqual(['missed', 'due', 'due']);
    const c = await caseOf(caseId);
    expect(c).toMatchObject({ planBrokenOn: addDays(D1, 4), overdueSince: c.overdueFrom });
    const page = await (await callerAs(ctx.handle.db, ctx.w.users['agencyA.collector'])).work.case({ caseId });
    expect(page).toMatchObject({ amountDue: OVERDUE, planBrokenOn: addDays(D1, 4) });
    expect(page.plans.plan).toMatchObject({ status: 'broken', missedInstalmentNo: 1 });

    const told = (await ctx.handle.db.select().from(notifications).where(eq(notifications.kind, 'plan.broken'))).filter(
      (n) => n.params.contractNo === c.contractNo,
    );
    const ids = told.map((n) => n.userId).sort();
    expect(ids).toEqual(
      (['agencyA.admin', 'agencyA.supervisor', 'agencyA.collector', 'creditorA.admin', 'creditorA.manager'] as const)
        .map((k) => ctx.w.users[k].id)
        .sort(),
    );
    expect(told[0]?.params).toMatchObject({ no: '1', dueDate: D1, amount: '3000.00' });
    const audit = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'plan.break'), eq(auditLog.resourceId, caseId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).toMatchObject({
      missedInstalment: 1,
      brokenOn: addDays(D1, 4),
      overdueSince: c.overdueFrom,
    });

    // Idempotent: again, or by the sweep, nothing more happens.
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, at(addDays(D1, 5)))).toBe(false);
    await breakDuePlans(ctx.handle.db, at(addDays(D1, 5)));
    expect(
      await ctx.handle.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'plan.break'), eq(auditLog.resourceId, caseId))),
    ).toHaveLength(1);
    // Money confirmed afterwards no longer goes to the broken plan.
    await pay(caseId, 300_000, addDays(D1, 5));
    expect((await linesOf(plan!.id))[0]).toMatchObject({ paidAmount: 100_000, status: 'missed' });
    // A new approved plan clears the flag.
    await instalments(caseId, at(addDays(D1, 5), '14:00:00'), addDays(D1, 10));
    expect((await caseOf(caseId)).planBrokenOn).toBeNull();
  });

  it('the sweep catches a plan whose check a stopped worker missed', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    await breakDuePlans(ctx.handle.db, at(addDays(D1, 3), '23:59:00'));
    expect((await planOf(caseId))[0]).toMatchObject({ status: 'active' });
    expect((await breakDuePlans(ctx.handle.db, at(addDays(D1, 4), '00:01:00'))).broken).toBeGreaterThanOrEqual(1);
    expect((await planOf(caseId))[0]).toMatchObject({ status: 'broken', brokenOn: addDays(D1, 4) });
  });

  it('a case closed as unrecoverable keeps its plan as it was', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    const [plan] = await planOf(caseId);
    await ctx.handle.db.update(cases).set({ status: 'closed_unrecoverable' }).where(eq(cases.id, caseId));
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, at(addDays(D1, 10)))).toBe(false);
    expect((await planOf(caseId))[0]).toMatchObject({ status: 'active' });
  });

  it('the grace is the package’s, fixed when the plan is approved', async () => {
    const { caseId } = await workingCases(ctx.w, 2, undefined, { instalmentGraceDays: 0 });
    await ctx.handle.db.update(cases).set({ amountOverdue: OVERDUE }).where(eq(cases.id, caseId));
    await instalments(caseId);
    const [plan] = await planOf(caseId);
    expect(plan).toMatchObject({ graceDays: 0 });
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, at(D1, '23:59:59'))).toBe(false);
    expect(await breakPlanIfDue(ctx.handle.db, plan!.id, startOfShanghaiDay(addDays(D1, 1)))).toBe(true);
  });
});

describe('the package sets the grace', () => {
  it('0–30 days, 3 unless the creditor says otherwise; another number is refused naming the field', async () => {
    const pkg = await draftPackage(ctx.w, 2, `GR${process.pid}`);
    expect(pkg.instalmentGraceDays).toBe(3);
    const manager = await callerAs(ctx.handle.db, ctx.w.users['creditorA.manager']);
    const saved = await manager.packages.saveTerms({
      packageId: pkg.id,
      terms: sampleTerms({ instalmentGraceDays: 7 }),
    });
    expect(saved.instalmentGraceDays).toBe(7);
    for (const bad of [31, -1, 1.5]) {
      const e = await manager.packages
        .saveTerms({ packageId: pkg.id, terms: sampleTerms({ instalmentGraceDays: bad }) })
        .catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'BAD_REQUEST' });
      expect(JSON.stringify((e as { cause?: unknown }).cause ?? e)).toContain('instalmentGraceDays');
    }
    await expect(
      (await callerAs(ctx.handle.db, ctx.w.users['creditorB.manager'])).packages.saveTerms({
        packageId: pkg.id,
        terms: sampleTerms({ instalmentGraceDays: 5 }),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      (await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin'])).packages.saveTerms({
        packageId: pkg.id,
        terms: sampleTerms({ instalmentGraceDays: 5 }),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      (await callerAs(ctx.handle.db, null)).packages.saveTerms({ packageId: pkg.id, terms: sampleTerms() }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('who reads the plan', () => {
  it('the agency working the case and the creditor’s and staff’s record; another tenant gets NOT_FOUND', async () => {
    const caseId = await owingCase();
    await instalments(caseId);
    const reader = (who: UserKey | null) => callerAs(ctx.handle.db, who ? ctx.w.users[who] : null);
    expect((await (await reader('agencyA.supervisor')).work.case({ caseId })).plans.plan?.instalments).toHaveLength(3);
    expect((await (await reader('creditorA.viewer')).record.case({ caseId })).plans.plan?.instalments).toHaveLength(3);
    expect((await (await reader('platform.auditor')).record.case({ caseId })).plans.plan?.status).toBe('active');
    await expect((await reader(null)).work.case({ caseId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect((await reader(null)).record.case({ caseId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect((await reader('creditorA.admin')).work.case({ caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await reader('agencyA.admin')).record.case({ caseId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await reader('agencyB.admin')).work.case({ caseId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect((await reader('creditorB.admin')).record.case({ caseId })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
