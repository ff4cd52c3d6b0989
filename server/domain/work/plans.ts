import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '@/db/client';
import {
  cases,
  commissions,
  packages,
  planInstalments,
  repaymentPlans,
  repayments,
  type PlanInstalment,
  type RepaymentPlan,
  type RestructureRequest,
} from '@/db/schema';
import { DEFAULT_INSTALMENT_GRACE_DAYS, type InstalmentStatus } from '@/lib/enums';
import { fenToYuan } from '@/lib/format';
import { shanghaiDate, startOfShanghaiDay } from '@/lib/dates';
import { writeAudit } from '../../audit/write';
import { refreshOverdueSince } from '../cases/ageing';
import { jobQueue } from '../../jobs/queue';
import { notify } from '../notifications/notify';

// A case's repayment plan (还款计划): an approved restructuring's schedule kept as
// instalments that confirmed repayments pay, oldest first. The plan covers what the case
// still owed when the request was made; money repaid before that stays outside it, so a
// debtor who had paid 2,000 before an instalment plan starts it with nothing paid. An
// instalment still not fully paid once its grace has passed (due date + the package's grace
// days, the day after the last day of grace, Beijing) breaks the plan: the case owes its
// overdue amount again and ages from the date its file gave. Only confirmed money counts: a
// payment the creditor has not confirmed by then does not hold the plan.

export const PLAN_CHECK_JOB = 'plan.check';

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

/** `date` + `days`, as `YYYY-MM-DD`. */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The last day an instalment may still be paid on: its due date plus the grace. */
export const lastDayOfGrace = (dueDate: string, graceDays: number) => addDays(dueDate, graceDays);

/** When the check of an instalment runs: midnight (Beijing) ending its last day of grace. */
const checkAt = (dueDate: string, graceDays: number) => startOfShanghaiDay(addDays(dueDate, graceDays + 1));

const statusOf = (amount: number, paid: number): InstalmentStatus =>
  paid >= amount ? 'paid' : paid > 0 ? 'partly_paid' : 'due';

/** The case's plan in force (active, or completed once paid), if any. */
export const planInForce = async (db: DbOrTx, caseId: string): Promise<RepaymentPlan | null> => {
  const [plan] = await db
    .select()
    .from(repaymentPlans)
    .where(and(eq(repaymentPlans.caseId, caseId), inArray(repaymentPlans.status, ['active', 'completed'])));
  return plan ?? null;
};

export const instalmentsOf = (db: DbOrTx, planId: string): Promise<PlanInstalment[]> =>
  db.select().from(planInstalments).where(eq(planInstalments.planId, planId)).orderBy(asc(planInstalments.no));

/**
 * What the case owes in all: under a plan in force, what it had repaid before the plan and
 * the plan's total; otherwise (no plan, or the plan broke) its overdue amount.
 */
export const planAmountDue = (plan: RepaymentPlan | null, amountOverdue: number) =>
  plan ? plan.repaidBefore + plan.totalAmount : amountOverdue;

/**
 * Pays the plan's instalments with its repayments: those confirmed since the plan counts
 * from (and not reversed), by payment day, oldest instalment first; a payment larger than
 * an instalment pays the next ones. Worked out afresh each time, so a reversal takes its
 * money out exactly as if it had never been confirmed. A plan fully paid is completed; one
 * a reversal reopens is active again and its instalments' checks are due again. In the
 * caller's transaction, with the case row locked.
 */
export const applyRepaymentsToPlan = async (tx: Tx, caseId: string, now: Date, known?: RepaymentPlan | null) => {
  const plan = known === undefined ? await planInForce(tx, caseId) : known;
  if (!plan) return null;
  const lines = await tx
    .select()
    .from(planInstalments)
    .where(eq(planInstalments.planId, plan.id))
    .orderBy(asc(planInstalments.no))
    .for('update');
  const paid = await tx
    .select({ amount: repayments.amount, paidOn: repayments.paidOn })
    .from(repayments)
    .where(
      and(
        eq(repayments.caseId, caseId),
        eq(repayments.status, 'confirmed'),
        gte(repayments.decidedAt, plan.countsFrom),
      ),
    )
    .orderBy(asc(repayments.paidOn), asc(repayments.decidedAt), asc(repayments.id));
  let next = 0;
  let left = paid[0]?.amount ?? 0;
  let isAllPaid = true;
  for (const line of lines) {
    let paidAmount = 0;
    let paidOn: string | null = null;
    while (paidAmount < line.amount && next < paid.length) {
      const take = Math.min(left, line.amount - paidAmount);
      paidAmount += take;
      left -= take;
      if (paidAmount >= line.amount) paidOn = paid[next]?.paidOn ?? null;
      if (left === 0) {
        next += 1;
        left = paid[next]?.amount ?? 0;
      }
    }
    if (line.amount === 0) paidOn = line.dueDate;
    const status = statusOf(line.amount, paidAmount);
    if (status !== 'paid') isAllPaid = false;
    if (paidAmount !== line.paidAmount || paidOn !== line.paidOn || status !== line.status) {
      await tx.update(planInstalments).set({ paidAmount, paidOn, status }).where(eq(planInstalments.id, line.id));
      // Reopened by a reversal: its check is due again (at once if its grace has passed).
      if (line.status === 'paid' && status !== 'paid') await scheduleCheck(tx, plan, line, now);
    }
  }
  const status = isAllPaid ? 'completed' : 'active';
  if (status !== plan.status)
    await tx
      .update(repaymentPlans)
      .set({ status, endedAt: isAllPaid ? now : null })
      .where(eq(repaymentPlans.id, plan.id));
  return status;
};

const scheduleCheck = (tx: Tx, plan: Pick<RepaymentPlan, 'id' | 'graceDays'>, line: PlanInstalment, now: Date) => {
  const at = checkAt(line.dueDate, plan.graceDays);
  return jobQueue.reschedule(tx, {
    kind: PLAN_CHECK_JOB,
    key: line.id,
    payload: { planId: plan.id },
    runAt: at.getTime() < now.getTime() ? now : at,
  });
};

/**
 * The approved request becomes the case's plan, in the approval's transaction (the case row
 * locked): the plan in force before it is superseded and kept, the case's broken-plan flag
 * clears, the repayments confirmed since the request was made pay its first instalments,
 * and a check is queued for the end of each instalment's grace.
 */
export const createPlan = async (tx: Tx, request: RestructureRequest, now: Date) => {
  const [terms] = await tx
    .select({ graceDays: packages.instalmentGraceDays })
    .from(commissions)
    .innerJoin(packages, eq(packages.id, commissions.packageId))
    .where(eq(commissions.id, request.commissionId));
  const previous = await planInForce(tx, request.caseId);
  if (previous)
    await tx
      .update(repaymentPlans)
      .set({ status: 'superseded', endedAt: now })
      .where(eq(repaymentPlans.id, previous.id));
  const [plan] = await tx
    .insert(repaymentPlans)
    .values({
      caseId: request.caseId,
      creditorId: request.creditorId,
      agencyId: request.agencyId,
      requestId: request.id,
      kind: request.kind,
      totalAmount: request.totalAmount,
      repaidBefore: request.repaidBefore,
      countsFrom: request.createdAt,
      graceDays: terms?.graceDays ?? DEFAULT_INSTALMENT_GRACE_DAYS,
      approvedAt: now,
    })
    .returning();
  if (!plan) throw new Error('plan not written');
  const lines = await tx
    .insert(planInstalments)
    .values(
      request.schedule.map((line, i) => ({
        planId: plan.id,
        caseId: request.caseId,
        no: i + 1,
        dueDate: line.dueDate,
        amount: line.amount,
      })),
    )
    .returning();
  for (const line of lines) await scheduleCheck(tx, plan, line, now);
  await tx.update(cases).set({ planBrokenOn: null }).where(eq(cases.id, request.caseId));
  await applyRepaymentsToPlan(tx, request.caseId, now);
  return { planId: plan.id, supersededPlanId: previous?.id ?? null, graceDays: plan.graceDays };
};

/** The first instalment of the plan still not fully paid after its last day of grace, on `today`. */
const missedOn = (lines: readonly PlanInstalment[], graceDays: number, today: string) =>
  lines.find((l) => l.paidAmount < l.amount && lastDayOfGrace(l.dueDate, graceDays) < today);

/**
 * Breaks the plan if an instalment is unpaid past its grace (the check queued for each
 * instalment, and the sweep). Idempotent: a plan no longer active, or with every
 * instalment paid or still in its grace, is left as it is. One transaction: the plan
 * broken with the day and the missed instalment, the case flagged and owing its overdue
 * amount again from its filed date, the agency and the creditor told, the audit row.
 */
export const breakPlanIfDue = async (db: DbOrTx, planId: string, now: Date) =>
  db.transaction(async (tx) => {
    const [found] = await tx
      .select({ caseId: repaymentPlans.caseId })
      .from(repaymentPlans)
      .where(eq(repaymentPlans.id, planId));
    if (!found) return false;
    // The case row first, as a repayment's confirmation takes it, then the plan.
    const [c] = await tx.select().from(cases).where(eq(cases.id, found.caseId)).for('update');
    const [plan] = await tx.select().from(repaymentPlans).where(eq(repaymentPlans.id, planId)).for('update');
    if (!c || !plan || plan.status !== 'active') return false;
    // A case the creditor closed as unrecoverable is no longer collected: its plan is left as it was.
    if (c.status === 'closed_unrecoverable') return false;
    const today = shanghaiDate(now);
    const missed = missedOn(await instalmentsOf(tx, plan.id), plan.graceDays, today);
    if (!missed) return false;
    await tx
      .update(repaymentPlans)
      .set({ status: 'broken', brokenOn: today, missedInstalmentNo: missed.no, endedAt: now })
      .where(eq(repaymentPlans.id, plan.id));
    await tx.update(planInstalments).set({ status: 'missed' }).where(eq(planInstalments.id, missed.id));
    await tx.update(cases).set({ planBrokenOn: today, updatedAt: now }).where(eq(cases.id, c.id));
    const overdueSince = await refreshOverdueSince(tx, c.id);
    const params = {
      contractNo: c.contractNo,
      no: String(missed.no),
      dueDate: missed.dueDate,
      amount: fenToYuan(missed.amount - missed.paidAmount),
    };
    const isStillWorked = c.agencyId === plan.agencyId;
    await notify(
      tx,
      { orgId: plan.agencyId, roles: ['admin', 'supervisor'] },
      'plan.broken',
      params,
      `/agency/cases/${c.id}`,
    );
    if (isStillWorked && c.collectorId)
      await notify(tx, { userId: c.collectorId }, 'plan.broken', params, `/agency/cases/${c.id}`);
    await notify(
      tx,
      { orgId: plan.creditorId, roles: ['admin', 'manager'] },
      'plan.broken',
      params,
      `/creditor/cases/${c.id}`,
    );
    await writeAudit(tx, SYSTEM, {
      action: 'plan.break',
      resourceType: 'case',
      resourceId: c.id,
      orgId: c.creditorId,
      before: { planStatus: 'active', overdueSince: c.overdueSince },
      after: {
        planId: plan.id,
        planStatus: 'broken',
        brokenOn: today,
        missedInstalment: missed.no,
        dueDate: missed.dueDate,
        unpaid: missed.amount - missed.paidAmount,
        overdueSince,
      },
    });
    return true;
  });

/**
 * Catches up on checks a worker missed (it was down when one fell due): every active plan
 * with an instalment unpaid past its grace is broken, each in a transaction of its own.
 */
export const breakDuePlans = async (db: Db, now = new Date()) => {
  const today = shanghaiDate(now);
  const due = await db
    .selectDistinct({ planId: planInstalments.planId })
    .from(planInstalments)
    .innerJoin(repaymentPlans, eq(repaymentPlans.id, planInstalments.planId))
    .where(
      and(
        inArray(planInstalments.status, ['due', 'partly_paid']),
        // No grace is longer than 30 days: the index on due dates bounds the read.
        lt(planInstalments.dueDate, today),
        eq(repaymentPlans.status, 'active'),
        sql`${planInstalments.dueDate} + ${repaymentPlans.graceDays}::int < ${today}::date`,
      ),
    )
    .limit(1000);
  let broken = 0;
  for (const { planId } of due) if (await breakPlanIfDue(db, planId, now)) broken += 1;
  return { broken };
};

/** The case's plans for its screens: the newest first with its instalments, then the earlier ones. */
export const plansOfCase = async (db: DbOrTx, caseId: string, agencyId?: string) => {
  const plans = await db
    .select()
    .from(repaymentPlans)
    .where(and(eq(repaymentPlans.caseId, caseId), agencyId ? eq(repaymentPlans.agencyId, agencyId) : undefined))
    .orderBy(desc(repaymentPlans.createdAt), desc(repaymentPlans.id))
    .limit(50);
  const [latest, ...earlier] = plans;
  if (!latest) return { plan: null, earlier: [] };
  const lines = await instalmentsOf(db, latest.id);
  const summary = (p: RepaymentPlan) => ({
    id: p.id,
    kind: p.kind,
    status: p.status,
    totalAmount: p.totalAmount,
    repaidBefore: p.repaidBefore,
    graceDays: p.graceDays,
    approvedAt: p.approvedAt,
    endedAt: p.endedAt,
    brokenOn: p.brokenOn,
    missedInstalmentNo: p.missedInstalmentNo,
  });
  return {
    plan: {
      ...summary(latest),
      instalments: lines.map((l) => ({
        no: l.no,
        dueDate: l.dueDate,
        lastDayOfGrace: lastDayOfGrace(l.dueDate, latest.graceDays),
        amount: l.amount,
        paidAmount: l.paidAmount,
        paidOn: l.paidOn,
        status: l.status,
      })),
    },
    earlier: earlier.map(summary),
  };
};
export type CasePlans = Awaited<ReturnType<typeof plansOfCase>>;
