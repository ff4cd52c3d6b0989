import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import type { AuditAction, ComplaintEventKind, ComplaintOutcome, ComplaintStatus } from '@/lib/enums';
import { complaintEvents, complaints, type Complaint } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { emitEvents } from '../webhooks/emit';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { decryptPii } from '../../pii/crypto';
import { notify } from '../notifications/notify';
import { extendedResolutionDue, responseDue } from './deadlines';

// The complaint workflow (DESIGN §3): received → acknowledged → investigating →
// (awaiting_response) → upheld | dismissed → closed. Staff who handle complaints take
// every step but the agency's answer; each step is one transaction with its timeline
// row and audit row, and a step taken from a status it does not start from (a second
// decision, an answer nobody asked for) is refused as a conflict.

type Step = {
  from: readonly ComplaintStatus[];
  to: ComplaintStatus;
  event: ComplaintEventKind;
  audit: AuditAction;
};

const STEPS = {
  acknowledge: { from: ['received'], to: 'acknowledged', event: 'acknowledged', audit: 'complaint.acknowledge' },
  investigate: {
    from: ['acknowledged', 'awaiting_response'],
    to: 'investigating',
    event: 'investigating',
    audit: 'complaint.investigate',
  },
  requestResponse: {
    from: ['acknowledged', 'investigating'],
    to: 'awaiting_response',
    event: 'response_requested',
    audit: 'complaint.requestResponse',
  },
  respond: { from: ['awaiting_response'], to: 'investigating', event: 'responded', audit: 'complaint.respond' },
  close: { from: ['upheld', 'dismissed'], to: 'closed', event: 'closed', audit: 'complaint.close' },
} as const satisfies Record<string, Step>;

/** Where a decision may be taken: once acknowledged, and not after it was decided. */
const DECIDABLE: readonly ComplaintStatus[] = ['acknowledged', 'investigating', 'awaiting_response'];
const OPEN: readonly ComplaintStatus[] = ['received', 'acknowledged', 'investigating', 'awaiting_response'];

/**
 * The complaint as the caller may act on it: any for staff; for the agency, its own once
 * staff asked for its answer (before that it does not exist for the agency, as it reads it:
 * server/domain/complaints/read.ts); otherwise NOT_FOUND.
 */
const load = async (tx: Tx, caller: Caller, id: string): Promise<Complaint> => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'creditor') throw new DomainError('complaint.notFound', { field: 'complaintId' });
  const [row] = await tx
    .select()
    .from(complaints)
    .where(
      and(
        eq(complaints.id, id),
        orgType === 'agency' ? and(eq(complaints.agencyId, orgId), isNotNull(complaints.responseDueAt)) : undefined,
      ),
    )
    .for('update');
  if (!row) throw new DomainError('complaint.notFound', { field: 'complaintId' });
  return row;
};

/** Moves the complaint if it is still in one of `from` (checked under the row lock); writes the timeline and audit rows. */
const move = async (
  tx: Tx,
  caller: Caller,
  c: Complaint,
  step: Step,
  set: Partial<Complaint>,
  note: string,
  now: Date,
) => {
  if (!step.from.includes(c.status))
    throw new DomainError('complaint.wrongStatus', { labels: { status: `complaints.status.${c.status}` } });
  const [after] = await tx
    .update(complaints)
    .set({ ...set, status: step.to, updatedAt: now })
    .where(and(eq(complaints.id, c.id), inArray(complaints.status, [...step.from])))
    .returning();
  if (!after) throw new DomainError('complaint.wrongStatus', { labels: { status: `complaints.status.${c.status}` } });
  await tx
    .insert(complaintEvents)
    .values({ complaintId: c.id, kind: step.event, actorId: caller.actor.userId, note, at: now });
  await writeAudit(tx, caller, {
    action: step.audit,
    resourceType: 'complaint',
    resourceId: c.id,
    orgId: c.agencyId,
    before: { status: c.status },
    after: { status: after.status, ...(note ? { note } : {}) },
  });
  return after;
};

const view = (c: Complaint) => ({
  id: c.id,
  status: c.status,
  outcome: c.outcome,
  resolutionDueAt: c.resolutionDueAt,
  responseDueAt: c.responseDueAt,
});

/** Acknowledges receipt (due within a day); the handler who acknowledges takes the complaint. */
export const acknowledgeComplaint = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    return view(
      await move(
        tx,
        caller,
        c,
        STEPS.acknowledge,
        { acknowledgedAt: now, handlerId: c.handlerId ?? caller.actor.userId },
        input.note.trim(),
        now,
      ),
    );
  });

/** Starts (or, after the agency's answer or its deadline, resumes) the investigation. */
export const investigateComplaint = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    return view(
      await move(
        tx,
        caller,
        c,
        STEPS.investigate,
        { handlerId: c.handlerId ?? caller.actor.userId },
        input.note.trim(),
        now,
      ),
    );
  });

/** Asks the agency for its answer: due in 10 calendar days; its admins and supervisors are told. */
export const requestAgencyResponse = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    if (!c.agencyId) throw new DomainError('complaint.noAgency', { field: 'complaintId' });
    const after = await move(
      tx,
      caller,
      c,
      STEPS.requestResponse,
      { responseDueAt: responseDue(now), respondedAt: null },
      input.note.trim(),
      now,
    );
    await notify(
      tx,
      { orgId: c.agencyId, roles: ['admin', 'supervisor'] },
      'complaint.responseRequested',
      { reference: c.reference },
      `/agency/complaints/${c.id}`,
    );
    return view(after);
  });

/** The agency's answer, while staff wait for it; the handler is told and the investigation resumes. */
export const respondToComplaint = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; response: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    const response = input.response.trim();
    const after = await move(
      tx,
      caller,
      c,
      STEPS.respond,
      { respondedAt: now, agencyResponse: response },
      response,
      now,
    );
    const to = c.handlerId ? { userId: c.handlerId } : { platformRoles: ['admin', 'complaints'] as const };
    await notify(tx, to, 'complaint.responded', { reference: c.reference }, `/staff/complaints/${c.id}`);
    return view(after);
  });

/** Extends the resolution deadline once, from 15 to 30 days after receipt, with a reason. */
export const extendComplaint = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; reason: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    if (!OPEN.includes(c.status))
      throw new DomainError('complaint.wrongStatus', { labels: { status: `complaints.status.${c.status}` } });
    if (c.extensionReason) throw new DomainError('complaint.alreadyExtended');
    const reason = input.reason.trim();
    const [after] = await tx
      .update(complaints)
      .set({ resolutionDueAt: extendedResolutionDue(c.receivedAt), extensionReason: reason, updatedAt: now })
      .where(eq(complaints.id, c.id))
      .returning();
    if (!after) throw new DomainError('complaint.notFound');
    await tx
      .insert(complaintEvents)
      .values({ complaintId: c.id, kind: 'extended', actorId: caller.actor.userId, note: reason, at: now });
    await writeAudit(tx, caller, {
      action: 'complaint.extend',
      resourceType: 'complaint',
      resourceId: c.id,
      orgId: c.agencyId,
      before: { resolutionDueAt: c.resolutionDueAt },
      after: { resolutionDueAt: after.resolutionDueAt, reason },
    });
    return view(after);
  });

/**
 * Decides the complaint upheld or dismissed with a finding the complainant reads. An
 * upheld complaint counts against the agency's scorecard (an upheld threat zeroes its
 * month) and is what a sanction cites. The agency and the case's creditor are told.
 */
export const decideComplaint = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; outcome: ComplaintOutcome; finding: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    const finding = input.finding.trim();
    const step: Step = { from: DECIDABLE, to: input.outcome, event: input.outcome, audit: 'complaint.decide' };
    const after = await move(
      tx,
      caller,
      c,
      step,
      {
        outcome: input.outcome,
        decidedAt: now,
        decidedBy: caller.actor.userId,
        finding,
        handlerId: c.handlerId ?? caller.actor.userId,
      },
      finding,
      now,
    );
    const params = { reference: c.reference, outcome: input.outcome };
    if (c.agencyId)
      await notify(
        tx,
        { orgId: c.agencyId, roles: ['admin', 'supervisor'] },
        'complaint.decided',
        params,
        `/agency/complaints/${c.id}`,
      );
    if (c.creditorId)
      await notify(
        tx,
        { orgId: c.creditorId, roles: ['admin', 'manager'] },
        'complaint.decided',
        params,
        `/creditor/complaints/${c.id}`,
      );
    // The outcome and the reference only: the finding and the complainant stay on the platform.
    await emitEvents(tx, [c.creditorId, c.agencyId], 'complaint.decided', {
      complaintId: c.id,
      reference: c.reference,
      caseId: c.caseId,
      outcome: input.outcome,
    });
    return view(after);
  });

/** Closes a decided complaint once what followed from it is done. */
export const closeComplaint = (
  db: DbOrTx,
  caller: Caller,
  input: { complaintId: string; note: string },
  now = new Date(),
) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    return view(await move(tx, caller, c, STEPS.close, { closedAt: now }, input.note.trim(), now));
  });

/**
 * The complainant's full number for the handler who calls back, with a reason; every
 * reveal is audited (DESIGN §5). Only staff who handle complaints reach it.
 */
export const revealComplainantPhone = (db: DbOrTx, caller: Caller, input: { complaintId: string; reason: string }) =>
  db.transaction(async (tx) => {
    const c = await load(tx, caller, input.complaintId);
    if (!c.contactPhone) throw new DomainError('complaint.noContact', { field: 'complaintId' });
    const value = decryptPii(c.contactPhone.enc);
    const reason = input.reason.trim();
    await writeAudit(tx, caller, {
      action: 'complaint.reveal',
      resourceType: 'complaint',
      resourceId: c.id,
      orgId: c.agencyId,
      after: { field: 'contactPhone', reason },
    });
    return { value };
  });
