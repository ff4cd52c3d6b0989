import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { CaseStatus, RepaymentChannel, RepaymentStatus } from '@/lib/enums';
import { RECEIPT_FILE_TYPES } from '@/lib/file-types';
import { fenToYuan } from '@/lib/format';
import {
  cases,
  commissions,
  organizations,
  promises,
  repayments,
  users,
  type CaseRow,
  type Repayment,
} from '@/db/schema';
import { overdueSinceWithoutPlan, refreshOverdueSince } from '../cases/ageing';
import type { Caller } from '../../auth/actor';
import { emitEvents } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { ownFile } from '../files/files';
import { addToCommissionMonthly, addToMonthly, earnOnConfirm, reverseEarning } from './commission';
import { notify } from '../notifications/notify';
import { shanghaiDate } from '@/lib/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { loadCaseToAct, loadWorkCase } from '../work/case-access';
import { applyRepaymentsToPlan, planAmountDue, planInForce } from '../work/plans';

// Repayments (回款, DESIGN §3): the agency that holds a case reports what the debtor paid,
// with the receipt; the creditor confirms or disputes it, and may later reverse a
// confirmed one (a bank chargeback, say). The case's balance follows confirmed repayments
// only; a case paid off, or whose approved plan is paid, is settled.

/**
 * What the case owes in all: under its plan in force, what it had repaid before the plan
 * and the plan's total; otherwise (no plan, or a broken one) the overdue amount as imported.
 */
export const amountDue = async (db: DbOrTx, c: Pick<CaseRow, 'id' | 'amountOverdue'>): Promise<number> =>
  planAmountDue(await planInForce(db, c.id), c.amountOverdue);

/** Reported repayments not yet decided: they hold part of the balance until the creditor answers. */
export const pendingOn = async (db: DbOrTx, caseId: string): Promise<number> => {
  const [row] = await db
    .select({ sum: sql<string | null>`sum(${repayments.amount})` })
    .from(repayments)
    .where(and(eq(repayments.caseId, caseId), eq(repayments.status, 'reported')));
  return Number(row?.sum ?? 0);
};

export type ReportRepaymentInput = {
  caseId: string;
  amount: number;
  paidOn: string;
  channel: RepaymentChannel;
  payer: string;
  reference: string;
  receiptFileId?: string | undefined;
  note: string;
};

/**
 * The agency reports a repayment on a case it works. Refused: a date in the future or
 * before the case was commissioned to it, more than the balance still open (confirmed
 * and pending repayments taken off), the same payment twice, a receipt that is not a
 * photo or a PDF of its own.
 */
export const reportRepayment = async (db: DbOrTx, caller: Caller, input: ReportRepaymentInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const c = await loadCaseToAct(tx, caller, input.caseId);
    if (input.paidOn > shanghaiDate(now)) throw new DomainError('repayment.future', { field: 'paidOn' });
    const [commission] = await tx
      .select({ startsOn: commissions.startsOn, createdAt: commissions.createdAt })
      .from(commissions)
      .where(eq(commissions.id, c.row.commissionId ?? ''));
    const since = commission ? ([commission.startsOn, shanghaiDate(commission.createdAt)].sort()[0] ?? '') : '';
    if (input.paidOn < since)
      throw new DomainError('repayment.beforeCommission', { field: 'paidOn', values: { since } });
    const open = (await amountDue(tx, c.row)) - c.row.repaidAmount - (await pendingOn(tx, c.row.id));
    if (input.amount > open)
      throw new DomainError('repayment.exceedsBalance', {
        field: 'amount',
        values: { open: fenToYuan(Math.max(0, open)) },
      });
    if (input.receiptFileId) {
      const receipt = await ownFile(tx, caller, input.receiptFileId, 'receiptFileId');
      if (!RECEIPT_FILE_TYPES.includes(receipt.mime as never))
        throw new DomainError('repayment.receiptType', { field: 'receiptFileId' });
    }
    const [saved] = await tx
      .insert(repayments)
      .values({
        caseId: c.row.id,
        creditorId: c.row.creditorId,
        agencyId: caller.actor.orgId,
        commissionId: c.row.commissionId,
        source: 'agency',
        amount: input.amount,
        paidOn: input.paidOn,
        channel: input.channel,
        payer: input.payer,
        reference: input.reference,
        receiptFileId: input.receiptFileId ?? null,
        note: input.note,
        status: 'reported',
        reportedBy: caller.actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!saved) throw new DomainError('repayment.duplicate', { field: 'reference' });
    await writeAudit(tx, caller, {
      action: 'repayment.report',
      resourceType: 'case',
      resourceId: c.row.id,
      orgId: c.row.creditorId,
      after: { repaymentId: saved.id, amount: saved.amount, paidOn: saved.paidOn, channel: saved.channel },
    });
    await notify(
      tx,
      { orgId: c.row.creditorId, roles: ['admin', 'manager'] },
      'repayment.reported',
      { contractNo: c.row.contractNo, amount: fenToYuan(saved.amount) },
      '/creditor/repayments',
    );
    await emitEvents(tx, [c.row.creditorId, caller.actor.orgId], 'repayment.reported', {
      repaymentId: saved.id,
      caseId: c.row.id,
      amountFen: saved.amount,
      paidOn: saved.paidOn,
      channel: saved.channel,
    });
    return saved;
  });

/** A repayment of the caller's creditor, locked, with its case locked too (balances move under the case row). */
const loadForCreditor = async (tx: Tx, caller: Caller, repaymentId: string) => {
  const [r] = await tx
    .select()
    .from(repayments)
    .where(and(eq(repayments.id, repaymentId), eq(repayments.creditorId, caller.actor.orgId)))
    .for('update');
  if (!r) throw new DomainError('repayment.notFound', { field: 'repaymentId' });
  const [c] = await tx.select().from(cases).where(eq(cases.id, r.caseId)).for('update');
  if (!c) throw new DomainError('repayment.notFound', { field: 'repaymentId' });
  return { r, c };
};

/** The case's status once its repaid amount is `repaid`: settled when paid off, worked again when a reversal reopens it. */
const statusAfter = (c: CaseRow, repaid: number, due: number): CaseStatus => {
  if (repaid >= due) return 'settled';
  if (c.status === 'settled') return c.agencyId ? 'working' : 'new';
  return c.status;
};

/** The day a case was paid off (the payment day of the repayment that paid it off): kept while it stays settled, cleared when a reversal reopens it. */
const settledOnAfter = (c: CaseRow, status: CaseStatus, paidOn: string) =>
  status === 'settled' ? (c.settledOn ?? paidOn) : null;

/**
 * What a confirmed repayment does, in the caller's transaction with the case row locked:
 * its commission line, the month's money, the case's balance (settled when paid off) and
 * the open promises it meets. Returns the case's new status.
 */
export const applyConfirmed = async (tx: Tx, r: Repayment, c: CaseRow, now: Date): Promise<CaseStatus> => {
  await earnOnConfirm(tx, r, now);
  if (r.agencyId)
    await addToMonthly(
      tx,
      { creditorId: r.creditorId, agencyId: r.agencyId, month: r.paidOn.slice(0, 7) },
      { recovered: r.amount, repayments: 1 },
    );
  await addToCommissionMonthly(tx, r, r.amount);
  const repaid = c.repaidAmount + r.amount;
  // One look at the plan for the whole confirmation (a repayment file confirms thousands).
  const plan = await planInForce(tx, c.id);
  const caseStatus = statusAfter(c, repaid, planAmountDue(plan, c.amountOverdue));
  await tx
    .update(cases)
    .set({
      repaidAmount: repaid,
      status: caseStatus,
      settledOn: settledOnAfter(c, caseStatus, r.paidOn),
      // Without a plan: paid up, the case is current; otherwise it still counts from the filed date.
      ...(plan ? {} : { overdueSince: overdueSinceWithoutPlan({ ...c, repaidAmount: repaid, status: caseStatus }) }),
      updatedAt: now,
    })
    .where(eq(cases.id, c.id));
  // The plan's instalments take the money, oldest first; an instalment met, the case's days
  // overdue count from its next unpaid date.
  if (plan) {
    await applyRepaymentsToPlan(tx, c.id, now, plan);
    await refreshOverdueSince(tx, c.id);
  }
  // Open promises due by the payment's day after, and no larger than it, are kept.
  await tx
    .update(promises)
    .set({ status: 'kept' })
    .where(
      and(
        eq(promises.caseId, c.id),
        eq(promises.status, 'open'),
        lte(promises.amount, r.amount),
        sql`${promises.dueDate} >= ${r.paidOn}::date - 1`,
      ),
    );
  return caseStatus;
};

/**
 * The creditor confirms or disputes a reported repayment, once: a second answer (from
 * another session, say) finds it decided. Confirming moves the case's balance, keeps the
 * open promises the payment meets, and settles a case paid off.
 */
export const decideRepayment = async (
  db: DbOrTx,
  caller: Caller,
  input: { repaymentId: string; confirm: boolean; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const { r, c } = await loadForCreditor(tx, caller, input.repaymentId);
    if (r.status !== 'reported')
      throw new DomainError('repayment.decided', { labels: { status: `repayments.status.${r.status}` } });
    if (!input.confirm && input.note.trim().length < 2)
      throw new DomainError('repayment.disputeReason', { field: 'note' });
    const status: RepaymentStatus = input.confirm ? 'confirmed' : 'disputed';
    const [saved] = await tx
      .update(repayments)
      .set({ status, decidedBy: caller.actor.userId, decidedAt: now, decisionNote: input.note })
      .where(eq(repayments.id, r.id))
      .returning();
    const caseStatus = input.confirm && saved ? await applyConfirmed(tx, saved, c, now) : c.status;
    await writeAudit(tx, caller, {
      action: 'repayment.decide',
      resourceType: 'case',
      resourceId: c.id,
      orgId: c.creditorId,
      before: { status: r.status, caseStatus: c.status, repaidAmount: c.repaidAmount },
      after: {
        repaymentId: r.id,
        status,
        note: input.note,
        caseStatus,
        repaidAmount: input.confirm ? c.repaidAmount + r.amount : c.repaidAmount,
      },
    });
    if (r.agencyId) {
      await notify(
        tx,
        { orgId: r.agencyId, roles: ['admin', 'supervisor'] },
        'repayment.decided',
        { contractNo: c.contractNo, amount: fenToYuan(r.amount), status },
        `/agency/cases/${c.id}`,
      );
    }
    if (input.confirm)
      await emitEvents(tx, [c.creditorId, r.agencyId], 'repayment.confirmed', {
        repaymentId: r.id,
        caseId: c.id,
        amountFen: r.amount,
        paidOn: r.paidOn,
        caseStatus,
      });
    return saved ?? r;
  });

/** The creditor reverses a confirmed repayment (the money did not stay): the balance reopens, a settled case is worked again. */
export const reverseRepayment = async (
  db: DbOrTx,
  caller: Caller,
  input: { repaymentId: string; reason: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const { r, c } = await loadForCreditor(tx, caller, input.repaymentId);
    if (r.status !== 'confirmed')
      throw new DomainError('repayment.notConfirmed', { labels: { status: `repayments.status.${r.status}` } });
    const [saved] = await tx
      .update(repayments)
      .set({ status: 'reversed', reversedBy: caller.actor.userId, reversedAt: now, reversalReason: input.reason })
      .where(eq(repayments.id, r.id))
      .returning();
    await reverseEarning(tx, r, now);
    if (r.agencyId)
      await addToMonthly(
        tx,
        { creditorId: r.creditorId, agencyId: r.agencyId, month: r.paidOn.slice(0, 7) },
        { recovered: -r.amount, repayments: -1 },
      );
    await addToCommissionMonthly(tx, r, -r.amount);
    const repaid = c.repaidAmount - r.amount;
    const caseStatus = statusAfter(c, repaid, await amountDue(tx, c));
    await tx
      .update(cases)
      .set({
        repaidAmount: repaid,
        status: caseStatus,
        settledOn: settledOnAfter(c, caseStatus, r.paidOn),
        updatedAt: now,
      })
      .where(eq(cases.id, c.id));
    // The money did not stay: the plan's instalments it paid are open again, and the case is
    // overdue again from the date it was before.
    await applyRepaymentsToPlan(tx, c.id, now);
    await refreshOverdueSince(tx, c.id);
    await writeAudit(tx, caller, {
      action: 'repayment.reverse',
      resourceType: 'case',
      resourceId: c.id,
      orgId: c.creditorId,
      before: { status: 'confirmed', caseStatus: c.status, repaidAmount: c.repaidAmount },
      after: { repaymentId: r.id, status: 'reversed', reason: input.reason, caseStatus, repaidAmount: repaid },
    });
    if (r.agencyId) {
      await notify(
        tx,
        { orgId: r.agencyId, roles: ['admin', 'supervisor'] },
        'repayment.decided',
        { contractNo: c.contractNo, amount: fenToYuan(r.amount), status: 'reversed' },
        `/agency/cases/${c.id}`,
      );
    }
    return saved ?? r;
  });

const view = (r: Repayment & { reportedByName: string | null }) => ({
  id: r.id,
  caseId: r.caseId,
  source: r.source,
  amount: r.amount,
  paidOn: r.paidOn,
  channel: r.channel,
  payer: r.payer,
  reference: r.reference,
  receiptFileId: r.receiptFileId,
  note: r.note,
  status: r.status,
  reportedByName: r.reportedByName,
  createdAt: r.createdAt,
  decidedAt: r.decidedAt,
  decisionNote: r.decisionNote,
  reversedAt: r.reversedAt,
  reversalReason: r.reversalReason,
});

/** Who recorded a repayment: the user, or none when the creditor's payment provider notified it (shown in words by the screens). */
const reporterName = users.name;

/** The agency's own repayment reports on a case it works, newest first. */
export const listCaseRepayments = async (db: DbOrTx, caller: Caller, caseId: string) => {
  const c = await loadWorkCase(db, caller, caseId);
  const rows = await db
    .select({ r: repayments, reportedByName: reporterName })
    .from(repayments)
    .leftJoin(users, eq(users.id, repayments.reportedBy))
    .where(and(eq(repayments.caseId, c.row.id), eq(repayments.agencyId, caller.actor.orgId)))
    .orderBy(desc(repayments.createdAt))
    .limit(200);
  return rows.map(({ r, reportedByName }) => view({ ...r, reportedByName }));
};

/** Every repayment on a case, for its creditor and platform staff (the case's access checked by the caller). */
export const repaymentsOfCase = async (db: DbOrTx, caseId: string) => {
  const rows = await db
    .select({ r: repayments, reportedByName: reporterName })
    .from(repayments)
    .leftJoin(users, eq(users.id, repayments.reportedBy))
    .where(eq(repayments.caseId, caseId))
    .orderBy(desc(repayments.createdAt))
    .limit(500);
  return rows.map(({ r, reportedByName }) => view({ ...r, reportedByName }));
};

/** The creditor's repayments, newest first, by status (reported ones are what waits for it), keyset-paged. */
export const listCreditorRepayments = async (
  db: DbOrTx,
  caller: Caller,
  input: { status?: RepaymentStatus | undefined; cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      r: repayments,
      reportedByName: reporterName,
      contractNo: cases.contractNo,
      agencyName: organizations.name,
    })
    .from(repayments)
    .leftJoin(users, eq(users.id, repayments.reportedBy))
    .innerJoin(cases, eq(cases.id, repayments.caseId))
    .leftJoin(organizations, eq(organizations.id, repayments.agencyId))
    .where(
      and(
        eq(repayments.creditorId, caller.actor.orgId),
        input.status ? inArray(repayments.status, [input.status]) : undefined,
        cursor ? afterCursor(repayments.createdAt, repayments.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(repayments.createdAt), desc(repayments.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (x) => ({ at: x.r.createdAt, id: x.r.id }));
  return {
    items: page.items.map((x) => ({
      ...view({ ...x.r, reportedByName: x.reportedByName }),
      contractNo: x.contractNo,
      agencyName: x.agencyName,
    })),
    nextCursor: page.nextCursor,
  };
};
