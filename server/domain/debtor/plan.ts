import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { OPEN_CASE_STATUSES, type RestructureKind } from '@/lib/enums';
import { cases, commissions, debtorSessions, packages, restructureRequests, type RestructureTerms } from '@/db/schema';
import type { RequestMeta } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { queueSms } from '../../sms/send';
import { notify } from '../notifications/notify';
import { AUTO_START_DAYS } from '../work/restructure-plan';
import { writeRestructureRequest } from '../work/restructure';
import { refuseWhileOnHold } from '../work/holds';
import { DEFAULT_TIME_ZONE } from '../work/case-access';
import { instalmentsOf, planInForce } from '../work/plans';
import type { DebtorSessionView } from './verify';

// A plan from the debtor's own page (issue 20, DESIGN §3): a reduction, a deferral or
// instalments, judged by the same arithmetic and the same package bands as the agency's
// proposal. Inside the bands it is the case's plan at once; outside them the creditor
// decides within its working days. The agency holding the case and the creditor are told;
// the debtor reads the answer on the page and by SMS to the number they verified with.
// The debtor's reason is the creditor's to read, not the agency's.

/** The case as the debtor's plan needs it: locked, under a live commission, with its package's bands. */
const loadCaseForPlan = async (tx: Tx, caseId: string) => {
  const [c] = await tx
    .select({
      row: cases,
      commissionStatus: commissions.status,
      commissionFrozenAt: commissions.frozenAt,
      maxReductionBp: packages.maxReductionBp,
      maxInstalments: packages.maxInstalments,
    })
    .from(cases)
    .leftJoin(commissions, eq(commissions.id, cases.commissionId))
    .leftJoin(packages, eq(packages.id, commissions.packageId))
    .where(eq(cases.id, caseId))
    .for('update', { of: cases });
  if (!c) throw new DomainError('case.notFound');
  if (!(OPEN_CASE_STATUSES as readonly string[]).includes(c.row.status)) throw new DomainError('debtor.caseClosed');
  // A plan is made with the agency that holds the case: without one the debtor talks to the lender.
  if (!c.row.agencyId || c.commissionStatus !== 'active' || c.maxReductionBp === null || c.maxInstalments === null)
    throw new DomainError('debtor.noAgency');
  return { ...c, maxReductionBp: c.maxReductionBp, maxInstalments: c.maxInstalments };
};

export type DebtorPlanInput = { kind: RestructureKind; terms: RestructureTerms; reason: string };

/** The debtor asks for a plan: approved at once inside the bands, otherwise the creditor's to decide. */
export const proposePlanAsDebtor = async (
  db: DbOrTx,
  meta: RequestMeta,
  session: DebtorSessionView,
  input: DebtorPlanInput,
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await loadCaseForPlan(tx, session.caseId);
    await refuseWhileOnHold(tx, c.row.id, c.row.timeZone ?? DEFAULT_TIME_ZONE);
    const { row, audit } = await writeRestructureRequest(tx, c, { origin: 'debtor' }, input, now);
    const isApproved = row.status === 'approved';
    const agencyId = c.row.agencyId ?? '';
    await notify(
      tx,
      { orgId: agencyId, roles: ['admin', 'supervisor', 'collector'] },
      'restructure.debtorPlan',
      { contractNo: c.row.contractNo, status: row.status },
      `/agency/cases/${c.row.id}`,
    );
    // Outside the bands the creditor was asked already (its deadline); inside, it learns of the plan.
    if (isApproved)
      await notify(
        tx,
        { orgId: c.row.creditorId, roles: ['admin', 'manager'] },
        'restructure.debtorPlan',
        { contractNo: c.row.contractNo, status: row.status },
        `/creditor/cases/${c.row.id}`,
      );
    const [s] = await tx
      .select({ phoneIdx: debtorSessions.phoneIdx })
      .from(debtorSessions)
      .where(eq(debtorSessions.id, session.sessionId));
    const to = c.row.phones.find((p) => p.idx === s?.phoneIdx && !p.retiredAt);
    if (to)
      await queueSms(tx, {
        kind: isApproved ? 'debtor.planApproved' : 'debtor.planProposed',
        to,
        params: { contractNo: c.row.contractNo },
        caseId: c.row.id,
      });
    await writeAudit(
      tx,
      { ...meta, actor: null },
      {
        action: 'debtor.plan',
        resourceType: 'case',
        resourceId: c.row.id,
        orgId: c.row.creditorId,
        after: audit,
      },
    );
    return { id: row.id, status: row.status, totalAmount: row.totalAmount, schedule: row.schedule };
  });

/**
 * What the debtor's page offers and shows about plans: the bands, what is owed, the plan in
 * force with its instalments, and the latest request the debtor made with its answer.
 */
export const debtorPlanView = async (db: DbOrTx, session: DebtorSessionView) => {
  const [c] = await db
    .select({
      maxReductionBp: packages.maxReductionBp,
      maxInstalments: packages.maxInstalments,
      commissionStatus: commissions.status,
    })
    .from(cases)
    .leftJoin(commissions, eq(commissions.id, cases.commissionId))
    .leftJoin(packages, eq(packages.id, commissions.packageId))
    .where(eq(cases.id, session.caseId));
  const [latest] = await db
    .select()
    .from(restructureRequests)
    .where(and(eq(restructureRequests.caseId, session.caseId), eq(restructureRequests.origin, 'debtor')))
    .orderBy(desc(restructureRequests.createdAt))
    .limit(1);
  const [pending] = await db
    .select({ id: restructureRequests.id })
    .from(restructureRequests)
    .where(and(eq(restructureRequests.caseId, session.caseId), eq(restructureRequests.status, 'proposed')))
    .limit(1);
  const plan = await planInForce(db, session.caseId);
  const lines = plan ? await instalmentsOf(db, plan.id) : [];
  const canAsk = c?.commissionStatus === 'active' && c.maxReductionBp !== null && c.maxInstalments !== null;
  return {
    bands: canAsk ? { maxReductionBp: c.maxReductionBp ?? 0, maxInstalments: c.maxInstalments ?? 0 } : null,
    autoStartDays: AUTO_START_DAYS,
    hasPendingRequest: pending !== undefined,
    latest: latest
      ? {
          id: latest.id,
          kind: latest.kind,
          status: latest.status,
          totalAmount: latest.totalAmount,
          schedule: latest.schedule,
          createdAt: latest.createdAt,
          expiresAt: latest.expiresAt,
          decidedAt: latest.decidedAt,
        }
      : null,
    plan: plan
      ? {
          status: plan.status,
          totalAmount: plan.totalAmount,
          instalments: lines.map((l) => ({ no: l.no, dueDate: l.dueDate, amount: l.amount, paidAmount: l.paidAmount })),
        }
      : null,
  };
};
