import { and, desc, eq, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';
import { HOLD_ANSWER_WORKING_DAYS, type CaseHoldKind, type CaseHoldStatus, type HoldDecision } from '@/lib/enums';
import { caseHolds, cases, organizations, users, type CaseAction, type CaseHold } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { maskName } from '../../pii/crypto';
import { loadWorkingCalendar } from '../calendar/calendar';
import { closeLockedCase } from '../cases/close';
import { notify } from '../notifications/notify';
import { shanghaiDate } from '@/lib/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { formatMinutes } from '@/lib/contact-requests';
import { localTime } from '../rules/zone';
import { openHoldOf } from './rules';

// Holds on collection (暂停催收). An action or visit whose outcome is `deceased` or
// `dispute` stops collection on the case at once: the rule engine refuses every contact
// while the hold is open (server/domain/rules/engine.ts), for any agency. The creditor is
// told and answers within HOLD_ANSWER_WORKING_DAYS working days: close the case, or
// continue (against the estate, or the debt confirmed) with its reason. Until it answers
// the debtor is not contacted, however late the answer; a late answer counts against the
// creditor's scorecard. An action corrected to another outcome withdraws the hold it raised.

const HOLD_OUTCOMES: Partial<Record<CaseAction['outcome'], CaseHoldKind>> = {
  deceased: 'deceased',
  dispute: 'dispute',
};

/**
 * What a logged action does to the case's holds, inside its transaction (the case row is
 * locked by then): its outcome raises a hold unless one is open; a correction of the action
 * that raised the open hold, to an outcome of another kind, withdraws it.
 */
export const holdsAfterAction = async (
  tx: Tx,
  caller: Caller,
  c: { id: string; creditorId: string; contractNo: string },
  action: CaseAction,
  now: Date,
): Promise<{ raisedHoldId?: string; withdrawnHoldId?: string }> => {
  const kind = HOLD_OUTCOMES[action.outcome];
  const [open] = await tx
    .select()
    .from(caseHolds)
    .where(and(eq(caseHolds.caseId, c.id), eq(caseHolds.status, 'open')));
  if (open && action.correctsId && open.actionId === action.correctsId && open.kind !== kind) {
    await tx
      .update(caseHolds)
      .set({ status: 'withdrawn', decidedAt: now, decidedBy: caller.actor.userId, decisionNote: action.note })
      .where(eq(caseHolds.id, open.id));
    await notify(
      tx,
      { orgId: c.creditorId, roles: ['admin', 'manager'] },
      'hold.withdrawn',
      { contractNo: c.contractNo, kind: open.kind },
      `/creditor/cases/${c.id}`,
    );
    return { withdrawnHoldId: open.id, ...(kind ? await raise(tx, caller, c, action, kind, now) : {}) };
  }
  if (!kind || open) return {};
  return raise(tx, caller, c, action, kind, now);
};

/**
 * Raises a hold on a case whose row the caller's transaction holds, and tells the creditor:
 * raised by an agency's logged outcome, or by the debtor on their own page (no agency, no user).
 */
export const raiseHold = async (
  tx: Tx,
  c: { id: string; creditorId: string; contractNo: string },
  hold: {
    kind: CaseHoldKind;
    note: string;
    by: { agencyId: string; userId: string; actionId: string } | 'debtor';
    /** The debtor's document, an upload claimed in this transaction. */
    document?: { uploadId: string; name: string } | null;
  },
  now: Date,
) => {
  const answerDueAt = (await loadWorkingCalendar(tx)).addWorkingDays(now, HOLD_ANSWER_WORKING_DAYS);
  const by = hold.by === 'debtor' ? null : hold.by;
  const [row] = await tx
    .insert(caseHolds)
    .values({
      caseId: c.id,
      creditorId: c.creditorId,
      agencyId: by?.agencyId ?? null,
      actionId: by?.actionId ?? null,
      kind: hold.kind,
      origin: by ? 'agency' : 'debtor',
      note: hold.note,
      documentUploadId: hold.document?.uploadId ?? null,
      documentName: hold.document?.name ?? null,
      raisedBy: by?.userId ?? null,
      raisedAt: now,
      answerDueAt,
    })
    .returning({ id: caseHolds.id });
  if (!row) throw new DomainError('hold.notFound');
  await notify(
    tx,
    { orgId: c.creditorId, roles: ['admin', 'manager'] },
    'hold.raised',
    { contractNo: c.contractNo, kind: hold.kind, due: shanghaiDate(answerDueAt) },
    `/creditor/holds`,
  );
  return { holdId: row.id, answerDueAt };
};

const raise = async (
  tx: Tx,
  caller: Caller,
  c: { id: string; creditorId: string; contractNo: string },
  action: CaseAction,
  kind: CaseHoldKind,
  now: Date,
) => {
  const { holdId } = await raiseHold(
    tx,
    c,
    { kind, note: action.note, by: { agencyId: caller.actor.orgId, userId: caller.actor.userId, actionId: action.id } },
    now,
  );
  return { raisedHoldId: holdId };
};

/** Refuses what is collection but not a contact (a restructure proposal) while the case is on hold. */
export const refuseWhileOnHold = async (db: DbOrTx, caseId: string, timeZone: string) => {
  const hold = await openHoldOf(db, caseId);
  if (!hold) return;
  const due = localTime(hold.answerDueAt, timeZone);
  throw new DomainError(hold.kind === 'deceased' ? 'rules.caseDeceased' : 'rules.caseDisputed', {
    values: { due: `${due.date} ${formatMinutes(due.minutes)}` },
  });
};

const agencies = alias(organizations, 'hold_agency');
const raisers = alias(users, 'hold_raiser');
const deciders = alias(users, 'hold_decider');

const HOLD_VIEW = {
  hold: caseHolds,
  agencyName: agencies.name,
  raisedByName: raisers.name,
  decidedByName: deciders.name,
};

const view = (r: {
  hold: CaseHold;
  agencyName: string | null;
  raisedByName: string | null;
  decidedByName: string | null;
}) => ({
  id: r.hold.id,
  caseId: r.hold.caseId,
  kind: r.hold.kind,
  status: r.hold.status,
  origin: r.hold.origin,
  agencyId: r.hold.agencyId,
  note: r.hold.note,
  documentName: r.hold.documentName,
  agencyName: r.agencyName,
  raisedByName: r.raisedByName,
  raisedAt: r.hold.raisedAt,
  answerDueAt: r.hold.answerDueAt,
  decidedByName: r.decidedByName,
  decidedAt: r.hold.decidedAt,
  decisionNote: r.hold.decisionNote,
});
export type HoldView = ReturnType<typeof view>;

const holdsQuery = (db: DbOrTx) =>
  db
    .select(HOLD_VIEW)
    .from(caseHolds)
    .leftJoin(agencies, eq(agencies.id, caseHolds.agencyId))
    .leftJoin(raisers, eq(raisers.id, caseHolds.raisedBy))
    .leftJoin(deciders, eq(deciders.id, caseHolds.decidedBy));

/** A case's holds, newest first: the open one (if any) and the history of answers. */
export const holdsOfCase = async (db: DbOrTx, caseId: string): Promise<HoldView[]> =>
  (await holdsQuery(db).where(eq(caseHolds.caseId, caseId)).orderBy(desc(caseHolds.raisedAt))).map(view);

/**
 * The creditor's holds, waiting for its answer or answered, newest first (keyset): each
 * with its case's contract number and the debtor's masked name.
 */
export const listCreditorHolds = async (
  db: DbOrTx,
  caller: Caller,
  input: { status: 'open' | 'answered'; cursor?: string | null | undefined; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ ...HOLD_VIEW, contractNo: cases.contractNo, debtorName: cases.debtorName })
    .from(caseHolds)
    .innerJoin(cases, eq(cases.id, caseHolds.caseId))
    .leftJoin(agencies, eq(agencies.id, caseHolds.agencyId))
    .leftJoin(raisers, eq(raisers.id, caseHolds.raisedBy))
    .leftJoin(deciders, eq(deciders.id, caseHolds.decidedBy))
    .where(
      and(
        eq(caseHolds.creditorId, caller.actor.orgId),
        input.status === 'open' ? eq(caseHolds.status, 'open') : ne(caseHolds.status, 'open'),
        cursor ? afterCursor(caseHolds.raisedAt, caseHolds.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(caseHolds.raisedAt), desc(caseHolds.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.hold.raisedAt, id: r.hold.id }));
  return {
    items: page.items.map((r) => ({ ...view(r), contractNo: r.contractNo, debtorName: maskName(r.debtorName) })),
    nextCursor: page.nextCursor,
  };
};

/**
 * The creditor answers an open hold on one of its cases: `close` closes the case (as
 * unrecoverable, with the reason), `continue` lets collection go on (against the estate,
 * or the debt confirmed), with the reason the agency reads. Another creditor's hold answers
 * NOT_FOUND; one already answered, CONFLICT. The case and the hold are locked, in that order.
 */
export const decideHold = async (
  db: DbOrTx,
  caller: Caller,
  input: { holdId: string; decision: HoldDecision; reason: string },
  now = new Date(),
) => {
  const reason = input.reason.trim();
  const { min, max } = CLOSE_REASON_LENGTH;
  if (reason.length < min || reason.length > max)
    throw new DomainError('hold.reason', { field: 'reason', values: { min, max } });
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ caseId: caseHolds.caseId })
      .from(caseHolds)
      .where(and(eq(caseHolds.id, input.holdId), eq(caseHolds.creditorId, caller.actor.orgId)));
    if (!found) throw new DomainError('hold.notFound', { field: 'holdId' });
    const [c] = await tx.select().from(cases).where(eq(cases.id, found.caseId)).for('update');
    const [hold] = await tx.select().from(caseHolds).where(eq(caseHolds.id, input.holdId)).for('update');
    if (!c || !hold) throw new DomainError('hold.notFound', { field: 'holdId' });
    if (hold.status !== 'open')
      throw new DomainError('hold.notOpen', { labels: { status: `holds.status.${hold.status}` } });
    const status: CaseHoldStatus = input.decision === 'close' ? 'closed' : 'continued';
    // A case settled or closed meanwhile is not closed again: the answer is recorded.
    const closed =
      input.decision === 'close' && c.status !== 'settled' && c.status !== 'closed_unrecoverable'
        ? await closeLockedCase(tx, caller, c, reason, now)
        : null;
    await tx
      .update(caseHolds)
      .set({ status, decidedBy: caller.actor.userId, decidedAt: now, decisionNote: reason })
      .where(and(eq(caseHolds.id, hold.id), eq(caseHolds.status, 'open')));
    // The agency that raised it learns the answer (unless the close already told it the case left).
    if (hold.agencyId && !closed)
      await notify(
        tx,
        { orgId: hold.agencyId, roles: ['admin', 'supervisor', 'collector'] },
        'hold.decided',
        { contractNo: c.contractNo, kind: hold.kind, decision: input.decision },
        `/agency/cases/${c.id}`,
      );
    await writeAudit(tx, caller, {
      action: 'hold.decide',
      resourceType: 'case',
      resourceId: c.id,
      orgId: c.creditorId,
      before: { holdId: hold.id, status: 'open' },
      after: { holdId: hold.id, kind: hold.kind, status, reason, late: now > hold.answerDueAt },
    });
    const [saved] = await holdsQuery(tx).where(and(eq(caseHolds.id, hold.id), ne(caseHolds.status, 'open')));
    if (!saved) throw new DomainError('hold.notFound');
    return view(saved);
  });
};
