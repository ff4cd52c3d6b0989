import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  OPEN_COMPLAINT_STATUSES,
  type ComplaintCategory,
  type ComplaintEventKind,
  type ComplaintStatus,
} from '@/lib/enums';
import { cases, complaintEvents, complaintEvidence, complaints, organizations, users } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { DomainError } from '../../errors';
import { maskName } from '../../pii/crypto';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { nextDeadline, overdueOf } from './deadlines';

// Reading complaints. Staff read every one; a creditor those on its cases (which include
// those it filed); an agency those about it, from the moment staff ask for its answer (a
// complaint still received, acknowledged or under investigation without that request does
// not exist for the agency; once decided, it is told the outcome and reads it). What each
// reads differs: the complainant's name and number are masked for everyone (staff who need
// to call back reveal nothing here), the agency never learns anything of who filed a
// complaint (the source, the name, the relation to the debtor, the number), and the
// handlers' notes stay with staff.

const agencies = alias(organizations, 'complaint_agency');
/** Notes everyone who reads the complaint sees: what staff asked the agency, its answer, the finding. */
const SHARED_NOTES: readonly ComplaintEventKind[] = ['response_requested', 'responded', 'upheld', 'dismissed'];
const creditors = alias(organizations, 'complaint_creditor');

/** Where the agency comes in: asked for its answer (the request leaves its deadline), or told the decision. */
const DECIDED: readonly ComplaintStatus[] = ['upheld', 'dismissed', 'closed'];

/** The rows the caller may read at all. */
const scopeOf = (caller: Caller): SQL | undefined => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'platform') return undefined;
  if (orgType === 'agency')
    return and(
      eq(complaints.agencyId, orgId),
      or(isNotNull(complaints.responseDueAt), inArray(complaints.status, [...DECIDED])),
    );
  // A creditor files only about its own cases, so its own complaints carry its id too.
  return eq(complaints.creditorId, orgId);
};

/** Open complaints past one of their deadlines at `now` (what overdueOf tells row by row). */
const overdueAt = (now: Date) =>
  and(
    inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES]),
    or(
      lt(complaints.resolutionDueAt, now),
      and(eq(complaints.status, 'received'), lt(complaints.ackDueAt, now)),
      and(
        eq(complaints.status, 'awaiting_response'),
        isNull(complaints.respondedAt),
        lt(complaints.responseDueAt, now),
      ),
    ),
  );

export type ComplaintListInput = {
  status?: ComplaintStatus | undefined;
  category?: ComplaintCategory | undefined;
  isOverdueOnly?: boolean | undefined;
  isOpenOnly?: boolean | undefined;
  /** One case's complaints (its record); within the caller's scope as every list. */
  caseId?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

/** The caller's complaints, newest first, keyset-paged, each with the deadline it waits for and what is overdue. */
export const listComplaints = async (db: DbOrTx, caller: Caller, input: ComplaintListInput, now = new Date()) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({ c: complaints, agencyName: agencies.name, creditorName: creditors.name, contractNo: cases.contractNo })
    .from(complaints)
    .leftJoin(agencies, eq(agencies.id, complaints.agencyId))
    .leftJoin(creditors, eq(creditors.id, complaints.creditorId))
    .leftJoin(cases, eq(cases.id, complaints.caseId))
    .where(
      and(
        scopeOf(caller),
        input.status ? eq(complaints.status, input.status) : undefined,
        input.category ? eq(complaints.category, input.category) : undefined,
        input.isOpenOnly ? inArray(complaints.status, [...OPEN_COMPLAINT_STATUSES]) : undefined,
        input.isOverdueOnly ? overdueAt(now) : undefined,
        input.caseId ? eq(complaints.caseId, input.caseId) : undefined,
        cursor ? afterCursor(complaints.receivedAt, complaints.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.c.receivedAt, id: r.c.id }));
  const isAgency = caller.actor.orgType === 'agency';
  return {
    items: page.items.map(({ c, agencyName, creditorName, contractNo }) => ({
      id: c.id,
      reference: c.reference,
      source: isAgency ? null : c.source,
      category: c.category,
      status: c.status,
      outcome: c.outcome,
      contractNo: contractNo ?? null,
      agencyName: agencyName ?? null,
      creditorName: isAgency ? null : (creditorName ?? null),
      receivedAt: c.receivedAt,
      nextDueAt: nextDeadline(c),
      overdue: overdueOf(c, now),
      isNearDuplicate: !isAgency && c.similarTo !== null,
    })),
    nextCursor: page.nextCursor,
  };
};

/** One complaint as the caller may read it, with its timeline and evidence; anyone else's answers NOT_FOUND. */
export const getComplaint = async (db: DbOrTx, caller: Caller, complaintId: string, now = new Date()) => {
  const [row] = await db
    .select({
      c: complaints,
      agencyName: agencies.name,
      creditorName: creditors.name,
      contractNo: cases.contractNo,
      debtorName: cases.debtorName,
      handlerName: users.name,
    })
    .from(complaints)
    .leftJoin(agencies, eq(agencies.id, complaints.agencyId))
    .leftJoin(creditors, eq(creditors.id, complaints.creditorId))
    .leftJoin(cases, eq(cases.id, complaints.caseId))
    .leftJoin(users, eq(users.id, complaints.handlerId))
    .where(and(eq(complaints.id, complaintId), scopeOf(caller)));
  if (!row) throw new DomainError('complaint.notFound', { field: 'complaintId' });
  const { c } = row;
  const isStaff = caller.actor.orgType === 'platform';
  const isAgency = caller.actor.orgType === 'agency';
  const actor = alias(users, 'complaint_event_actor');
  const events = await db
    .select({
      id: complaintEvents.id,
      kind: complaintEvents.kind,
      at: complaintEvents.at,
      note: complaintEvents.note,
      actorName: actor.name,
      actorOrgId: actor.orgId,
    })
    .from(complaintEvents)
    .leftJoin(actor, eq(actor.id, complaintEvents.actorId))
    .where(eq(complaintEvents.complaintId, c.id))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
  // The agency sees the evidence only through staff; a creditor sees what came with the complaint.
  const evidence = isAgency
    ? []
    : await db
        .select({
          id: complaintEvidence.id,
          fileName: complaintEvidence.fileName,
          mime: complaintEvidence.mime,
          size: complaintEvidence.size,
          sha256: complaintEvidence.sha256,
        })
        .from(complaintEvidence)
        .where(eq(complaintEvidence.complaintId, c.id))
        .orderBy(asc(complaintEvidence.createdAt), asc(complaintEvidence.id));
  const similar =
    isStaff && c.similarTo
      ? ((
          await db
            .select({ id: complaints.id, reference: complaints.reference })
            .from(complaints)
            .where(eq(complaints.id, c.similarTo))
        )[0] ?? null)
      : null;
  const isPublicFiler = c.source === 'public';
  return {
    id: c.id,
    reference: c.reference,
    source: isAgency ? null : c.source,
    category: c.category,
    status: c.status,
    outcome: c.outcome,
    caseId: isAgency ? null : c.caseId,
    contractNo: row.contractNo ?? null,
    debtorName: row.debtorName ? maskName(row.debtorName) : null,
    agencyId: c.agencyId,
    agencyName: row.agencyName ?? null,
    creditorName: isAgency ? null : (row.creditorName ?? null),
    // The agency never learns who complained, nor how they stand to the debtor.
    complainantName: isAgency ? null : isPublicFiler ? maskName(c.complainantName) : c.complainantName,
    relation: isAgency ? null : c.relation,
    contactPhone: isStaff ? (c.contactPhone?.masked ?? null) : null,
    description: c.description,
    handlerName: isStaff ? (row.handlerName ?? null) : null,
    receivedAt: c.receivedAt,
    ackDueAt: c.ackDueAt,
    acknowledgedAt: c.acknowledgedAt,
    responseDueAt: c.responseDueAt,
    respondedAt: c.respondedAt,
    agencyResponse: c.agencyResponse,
    resolutionDueAt: c.resolutionDueAt,
    extensionReason: c.extensionReason,
    decidedAt: c.decidedAt,
    finding: c.finding,
    closedAt: c.closedAt,
    overdue: overdueOf(c, now),
    similarTo: similar,
    similarityBp: isStaff ? c.similarityBp : null,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      // Staff read every note; the others only the shared ones.
      note: isStaff || SHARED_NOTES.includes(e.kind) ? e.note : '',
      actorName: isStaff ? (e.actorName ?? null) : null,
    })),
    evidence,
    canRecord: isStaff && hasPermission(caller.actor, 'cases.record') && c.caseId !== null,
  };
};

export type ComplaintDetail = Awaited<ReturnType<typeof getComplaint>>;
