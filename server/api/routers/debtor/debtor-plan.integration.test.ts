// A plan from the debtor's own page (issue 20): inside the package's bands it is the case's
// plan at once, the agency and the creditor are told and the debtor gets an SMS; outside
// them the creditor decides and the answer reaches the debtor on the page and by SMS. The
// request cannot carry its own approval, and the agency does not read the debtor's reason.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, cases, notifications, restructureRequests } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';
import { lastSmsOf, verifiedDebtor } from '../../../testing/debtor';
import { freshWorldPerTest } from '../../../testing/lifecycle';
import { workingCases } from '../../../testing/work';
import { callerAs, domainCaller } from '../../../testing/world';
import { decideRestructure, expireRestructureIfDue, listCaseRestructures } from '../../../domain/work/restructure';
import { getWorkCase } from '../../../domain/work/case-page';
import { getCaseRecord } from '../../../domain/work/record';

const ctx = freshWorldPerTest();
const DAY = 86_400_000;
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * DAY));

const debtorOf = async () => {
  const { row, caseId } = await workingCases(ctx.w, 2);
  if (!row) throw new Error('no case');
  const { token } = await verifiedDebtor(ctx.w, row);
  const debtor = await callerAs(ctx.handle.db, null, 'zh-CN', { token });
  return { row, caseId, debtor };
};

/** The notifications of a kind one user received. */
const notified = (userId: string, kind: string) =>
  ctx.handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

describe('a plan inside the bands', () => {
  it('is the case’s plan at once: the agency sees it without the debtor’s reason, both are told, the debtor gets an SMS', async () => {
    const { row, caseId, debtor } = await debtorOf();
    const before = await debtor.debtor.plan();
    expect(before).toMatchObject({ bands: { maxReductionBp: 2000, maxInstalments: 12 }, latest: null, plan: null });
    const reason = '最近失业，收入减少，希望分六期还清。';
    const made = await debtor.debtor.proposePlan({
      kind: 'instalments',
      terms: { instalments: 6, firstDueDate: inDays(5) },
      reason,
    });
    expect(made).toMatchObject({ status: 'approved', totalAmount: row.amountOverdue });
    expect(made.schedule).toHaveLength(6);
    const seen = await debtor.debtor.plan();
    expect(seen.latest).toMatchObject({ id: made.id, status: 'approved' });
    expect(seen.plan?.instalments).toHaveLength(6);
    expect(seen.plan?.instalments.reduce((s, l) => s + l.amount, 0)).toBe(row.amountOverdue);

    // The agency working the case sees the request (no reason) and the plan in force.
    const collector = await domainCaller(ctx.w, 'agencyA.collector');
    expect(await listCaseRestructures(ctx.handle.db, collector, caseId)).toEqual([
      expect.objectContaining({ id: made.id, origin: 'debtor', status: 'approved', reason: '' }),
    ]);
    const work = await getWorkCase(ctx.handle.db, collector, caseId);
    expect(work.plans.plan).toMatchObject({ status: 'active', totalAmount: row.amountOverdue });
    // The creditor reads the request with the debtor's reason on the case's record.
    const creditor = await domainCaller(ctx.w, 'creditorA.manager');
    const record = await getCaseRecord(ctx.handle.db, creditor, caseId);
    expect(record.plans.plan).toMatchObject({ status: 'active' });
    const [stored] = await ctx.handle.db.select().from(restructureRequests).where(eq(restructureRequests.id, made.id));
    expect(stored).toMatchObject({ origin: 'debtor', createdBy: null, reason, isAutoApproved: true });

    expect(await notified(ctx.w.users['agencyA.collector'].id, 'restructure.debtorPlan')).not.toHaveLength(0);
    expect(await notified(ctx.w.users['creditorA.manager'].id, 'restructure.debtorPlan')).not.toHaveLength(0);
    const sms = await lastSmsOf(ctx.w, caseId);
    expect(sms).toMatchObject({ kind: 'debtor.planApproved', toMasked: row.phones[0]?.masked });
    expect(sms.params).toEqual({ contractNo: row.contractNo });
    const [audit] = await ctx.handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'debtor.plan'), eq(auditLog.resourceId, caseId)));
    expect(audit).toMatchObject({ actorUserId: null, orgId: ctx.w.orgs.creditorA.id });
  });
});

describe('a plan outside the bands', () => {
  it('goes to the creditor; its answer reaches the debtor on the page and by SMS', async () => {
    const { caseId, debtor } = await debtorOf();
    const made = await debtor.debtor.proposePlan({
      kind: 'instalments',
      terms: { instalments: 24, firstDueDate: inDays(3) },
      reason: '只能每月还一小部分，希望分二十四期。',
    });
    expect(made.status).toBe('proposed');
    expect((await lastSmsOf(ctx.w, caseId)).kind).toBe('debtor.planProposed');
    expect(await notified(ctx.w.users['creditorA.manager'].id, 'restructure.proposed')).not.toHaveLength(0);
    // One request at a time.
    await expect(
      debtor.debtor.proposePlan({
        kind: 'instalments',
        terms: { instalments: 6, firstDueDate: inDays(3) },
        reason: '那就分六期吧。',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const creditor = await domainCaller(ctx.w, 'creditorA.manager');
    await decideRestructure(ctx.handle.db, creditor, { requestId: made.id, approve: true, note: '同意分期' });
    const sms = await lastSmsOf(ctx.w, caseId);
    expect(sms.kind).toBe('debtor.planDecided');
    expect(sms.params.answer).toBe('approved');
    const seen = await debtor.debtor.plan();
    expect(seen.latest).toMatchObject({ id: made.id, status: 'approved' });
    expect(seen.plan?.instalments).toHaveLength(24);
  });

  it('that the creditor leaves unanswered lapses, and the debtor is told', async () => {
    const { caseId, debtor } = await debtorOf();
    const made = await debtor.debtor.proposePlan({
      kind: 'reduction',
      terms: { reductionBp: 5000, firstDueDate: inDays(3) },
      reason: '希望减免一半，一次还清。',
    });
    expect(made.status).toBe('proposed');
    expect(await expireRestructureIfDue(ctx.handle.db, made.id, new Date(Date.now() + 30 * DAY))).toBe(true);
    const sms = await lastSmsOf(ctx.w, caseId);
    expect(sms).toMatchObject({ kind: 'debtor.planDecided' });
    expect(sms.params.answer).toBe('expired');
    expect((await debtor.debtor.plan()).latest?.status).toBe('expired');
  });
});

describe('bad plans', () => {
  it('a forged approval, bad terms, a closed case, a paused case: refused, nothing written', async () => {
    const { row, caseId, debtor } = await debtorOf();
    const outside = { instalments: 36, firstDueDate: inDays(3) };
    const forged = { kind: 'instalments', terms: outside, reason: '希望分期', status: 'approved' };
    await expect(debtor.debtor.proposePlan(forged as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const forgedTerms = { kind: 'instalments', terms: { ...outside, isWithinBands: true }, reason: '希望分期' };
    await expect(debtor.debtor.proposePlan(forgedTerms as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A first instalment in the past, too many instalments, a reason too short: each names its field.
    await expect(
      debtor.debtor.proposePlan({
        kind: 'instalments',
        terms: { instalments: 3, firstDueDate: inDays(-2) },
        reason: '希望分期',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { details: { field: 'firstDueDate' } } });
    await expect(
      debtor.debtor.proposePlan({
        kind: 'instalments',
        terms: { instalments: 61, firstDueDate: inDays(3) },
        reason: '希望分期',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      debtor.debtor.proposePlan({
        kind: 'instalments',
        terms: { instalments: 3, firstDueDate: inDays(3) },
        reason: '分',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // While a dispute pauses collection no plan is made; on a settled case neither.
    await debtor.debtor.dispute({ reason: '这笔借款的金额与我的记录不符。' });
    await expect(
      debtor.debtor.proposePlan({
        kind: 'instalments',
        terms: { instalments: 3, firstDueDate: inDays(3) },
        reason: '希望分期',
      }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', cause: { code: 'rules.caseDisputed' } });
    await ctx.handle.db.update(cases).set({ status: 'settled' }).where(eq(cases.id, row.id));
    await expect(
      debtor.debtor.proposePlan({
        kind: 'instalments',
        terms: { instalments: 3, firstDueDate: inDays(3) },
        reason: '希望分期',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(
      await ctx.handle.db.select().from(restructureRequests).where(eq(restructureRequests.caseId, caseId)),
    ).toEqual([]);
  });
});
