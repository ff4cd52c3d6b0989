import { and, desc, eq, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { RestructureKind, RestructureStatus } from '@/lib/enums';
import {
  cases,
  repayments,
  restructureRequests,
  type CaseRow,
  type RestructureRequest,
  type RestructureTerms,
} from '@/db/schema';
import { refreshOverdueSince } from '../cases/ageing';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { notify } from '../notifications/notify';
import { shanghaiDate } from '@/lib/dates';
import { loadWorkingCalendar } from '../calendar/calendar';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { DEFAULT_TIME_ZONE, loadCaseToAct, loadWorkCase } from './case-access';
import { refuseWhileOnHold } from './holds';
import { createPlan } from './plans';
import { planOf } from './restructure-plan';
import { textDebtorPlanAnswer } from '../debtor/plan-sms';

/** What the case's confirmed repayments came to before `at` (reversed ones not counted). */
const confirmedBefore = async (tx: DbOrTx, caseId: string, at: Date) => {
  const [row] = await tx
    .select({ sum: sql<string | null>`sum(${repayments.amount})` })
    .from(repayments)
    .where(and(eq(repayments.caseId, caseId), eq(repayments.status, 'confirmed'), lt(repayments.decidedAt, at)));
  return Number(row?.sum ?? 0);
};

export const RESTRUCTURE_EXPIRE_JOB = 'restructure.expire';
/** The creditor answers a request outside the bands within 3 business days, or it expires. */
export const DECISION_BUSINESS_DAYS = 3;

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

const view = (r: RestructureRequest) => ({
  id: r.id,
  caseId: r.caseId,
  kind: r.kind,
  terms: r.terms,
  totalAmount: r.totalAmount,
  repaidBefore: r.repaidBefore,
  schedule: r.schedule,
  reason: r.reason,
  status: r.status,
  isAutoApproved: r.isAutoApproved,
  expiresAt: r.expiresAt,
  decidedAt: r.decidedAt,
  decisionNote: r.decisionNote,
  origin: r.origin,
  createdAt: r.createdAt,
});
export type RestructureView = ReturnType<typeof view>;

/** Who asks for a plan: the agency's user, or the debtor on their own page (no user). */
export type Requester = { origin: 'agency'; userId: string } | { origin: 'debtor' };

type CaseToPlan = {
  row: Pick<CaseRow, 'id' | 'creditorId' | 'contractNo' | 'amountOverdue' | 'agencyId' | 'commissionId'>;
  maxReductionBp: number;
  maxInstalments: number;
};

/**
 * The request itself, in the caller's transaction with the case row locked: what is still
 * owed, the plan's arithmetic against the package's bands, the row, and then either the
 * plan (inside the bands, approved at once) or the creditor's deadline. Who is told is the
 * caller's to decide; the audit row too.
 */
export const writeRestructureRequest = async (
  tx: Tx,
  c: CaseToPlan,
  requester: Requester,
  input: { kind: RestructureKind; terms: RestructureTerms; reason: string },
  now: Date,
) => {
  if (!c.row.agencyId || !c.row.commissionId) throw new DomainError('case.notFound', { field: 'caseId' });
  const [pending] = await tx
    .select({ id: restructureRequests.id })
    .from(restructureRequests)
    .where(and(eq(restructureRequests.caseId, c.row.id), eq(restructureRequests.status, 'proposed')));
  if (pending) throw new DomainError('restructure.pending');
  // The plan covers what the case still owes now: money repaid before stays outside it.
  const repaidBefore = await confirmedBefore(tx, c.row.id, now);
  const owed = c.row.amountOverdue - repaidBefore;
  if (owed <= 0) throw new DomainError('restructure.nothingOwed');
  const plan = planOf(input.kind, input.terms, owed, c, shanghaiDate(now));
  if (typeof plan === 'string') throw new DomainError(`restructure.${plan}`, { field: plan });
  const expiresAt = (await loadWorkingCalendar(tx)).addWorkingDays(now, DECISION_BUSINESS_DAYS);
  const [row] = await tx
    .insert(restructureRequests)
    .values({
      caseId: c.row.id,
      agencyId: c.row.agencyId,
      creditorId: c.row.creditorId,
      commissionId: c.row.commissionId,
      kind: input.kind,
      terms: input.terms,
      totalAmount: plan.total,
      repaidBefore,
      schedule: plan.schedule,
      reason: input.reason,
      status: plan.isWithinBands ? 'approved' : 'proposed',
      isAutoApproved: plan.isWithinBands,
      decidedAt: plan.isWithinBands ? now : null,
      expiresAt,
      origin: requester.origin,
      createdBy: requester.origin === 'agency' ? requester.userId : null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new DomainError('restructure.notFound');
  const made = plan.isWithinBands ? await createPlan(tx, row, now) : undefined;
  const overdueSince = plan.isWithinBands ? await refreshOverdueSince(tx, c.row.id) : undefined;
  if (!plan.isWithinBands) {
    await jobQueue.reschedule(tx, {
      kind: RESTRUCTURE_EXPIRE_JOB,
      key: row.id,
      payload: { requestId: row.id },
      runAt: expiresAt,
    });
    await notify(
      tx,
      { orgId: c.row.creditorId, roles: ['admin', 'manager'] },
      'restructure.proposed',
      { contractNo: c.row.contractNo, deadline: shanghaiDate(expiresAt) },
      '/creditor/restructures',
    );
  }
  const audit = {
    requestId: row.id,
    kind: row.kind,
    terms: row.terms,
    total: row.totalAmount,
    status: row.status,
    ...(made ? { ...made, overdueSince } : {}),
  };
  return { row, audit };
};

/**
 * The agency proposes a reduction, deferral or instalment plan. Inside the package's bands
 * it is approved at once; otherwise the creditor is asked and has 3 business days.
 */
export const proposeRestructure = async (
  db: DbOrTx,
  caller: Caller,
  input: { caseId: string; kind: RestructureKind; terms: RestructureTerms; reason: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await loadCaseToAct(tx, caller, input.caseId);
    await refuseWhileOnHold(tx, c.row.id, c.row.timeZone ?? DEFAULT_TIME_ZONE);
    const { row, audit } = await writeRestructureRequest(
      tx,
      c,
      { origin: 'agency', userId: caller.actor.userId },
      input,
      now,
    );
    await writeAudit(tx, caller, {
      action: 'restructure.propose',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      after: audit,
    });
    return view(row);
  });

/** The creditor approves or rejects a pending request of one of its cases, before it expires. */
export const decideRestructure = async (
  db: DbOrTx,
  caller: Caller,
  input: { requestId: string; approve: boolean; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(restructureRequests)
      .where(and(eq(restructureRequests.id, input.requestId), eq(restructureRequests.creditorId, caller.actor.orgId)))
      .for('update');
    if (!r) throw new DomainError('restructure.notFound', { field: 'requestId' });
    if (r.status !== 'proposed' || r.expiresAt.getTime() <= now.getTime())
      throw new DomainError('restructure.notPending');
    const status: RestructureStatus = input.approve ? 'approved' : 'rejected';
    const [saved] = await tx
      .update(restructureRequests)
      .set({ status, decidedBy: caller.actor.userId, decidedAt: now, decisionNote: input.note })
      .where(and(eq(restructureRequests.id, r.id), eq(restructureRequests.status, 'proposed')))
      .returning();
    if (!saved) throw new DomainError('restructure.notPending');
    // An approved request becomes the case's plan (the case row locked, as a repayment's
    // confirmation locks it): its days overdue count from the first unpaid instalment.
    let made: Awaited<ReturnType<typeof createPlan>> | undefined;
    if (input.approve) {
      await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, r.caseId)).for('update');
      made = await createPlan(tx, saved, now);
    }
    const overdueSince = input.approve ? await refreshOverdueSince(tx, r.caseId) : undefined;
    const [c] = await tx.select({ contractNo: cases.contractNo }).from(cases).where(eq(cases.id, r.caseId));
    await textDebtorPlanAnswer(tx, r, status === 'approved' ? 'approved' : 'rejected');
    await notify(
      tx,
      { orgId: r.agencyId, roles: ['admin', 'supervisor', 'collector'] },
      'restructure.decided',
      { contractNo: c?.contractNo ?? '', status },
      `/agency/cases/${r.caseId}`,
    );
    await writeAudit(tx, caller, {
      action: 'restructure.decide',
      resourceType: 'case',
      resourceId: r.caseId,
      orgId: r.creditorId,
      before: { status: 'proposed' },
      after: { requestId: r.id, status, note: input.note, ...(made ? { ...made, overdueSince } : {}) },
    });
    return view(saved);
  });

/** The deadline job: a request still pending expires (idempotent). */
export const expireRestructureIfDue = async (db: DbOrTx, requestId: string, now: Date) =>
  db.transaction(async (tx) => {
    const [r] = await tx
      .update(restructureRequests)
      .set({ status: 'expired', decidedAt: now })
      .where(
        and(
          eq(restructureRequests.id, requestId),
          eq(restructureRequests.status, 'proposed'),
          lte(restructureRequests.expiresAt, now),
        ),
      )
      .returning();
    if (!r) return false;
    const [c] = await tx.select({ contractNo: cases.contractNo }).from(cases).where(eq(cases.id, r.caseId));
    await textDebtorPlanAnswer(tx, r, 'expired');
    // The agency learns that the plan did not take effect, as it would of a rejection.
    await notify(
      tx,
      { orgId: r.agencyId, roles: ['admin', 'supervisor', 'collector'] },
      'restructure.decided',
      { contractNo: c?.contractNo ?? '', status: 'expired' },
      `/agency/cases/${r.caseId}`,
    );
    await writeAudit(tx, SYSTEM, {
      action: 'restructure.expire',
      resourceType: 'case',
      resourceId: r.caseId,
      orgId: r.creditorId,
      before: { status: 'proposed' },
      after: { requestId: r.id, status: 'expired' },
    });
    return true;
  });

/** The requests on a case the agency works (its own and the debtor's while it holds the case), newest first. */
export const listCaseRestructures = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const c = await loadWorkCase(db, caller, caseId);
  const rows = await db
    .select()
    .from(restructureRequests)
    .where(and(eq(restructureRequests.caseId, c.row.id), eq(restructureRequests.agencyId, caller.actor.orgId)))
    .orderBy(desc(restructureRequests.createdAt));
  // The debtor's own reasons are the creditor's to read; the agency sees the plan and its answer.
  return rows.map((r) => ({ ...view(r), reason: r.origin === 'debtor' ? '' : r.reason }));
};

/** The creditor's requests, pending first by default, keyset-paginated. */
export const listCreditorRestructures = async (
  db: DbOrTx,
  caller: Caller,
  input: { status?: RestructureStatus | undefined; cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ r: restructureRequests, contractNo: cases.contractNo })
    .from(restructureRequests)
    .innerJoin(cases, eq(cases.id, restructureRequests.caseId))
    .where(
      and(
        eq(restructureRequests.creditorId, caller.actor.orgId),
        input.status ? eq(restructureRequests.status, input.status) : undefined,
        cursor ? afterCursor(restructureRequests.createdAt, restructureRequests.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(restructureRequests.createdAt), desc(restructureRequests.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (x) => ({ at: x.r.createdAt, id: x.r.id }));
  return { items: page.items.map((x) => ({ ...view(x.r), contractNo: x.contractNo })), nextCursor: page.nextCursor };
};
