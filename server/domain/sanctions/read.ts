import { and, desc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import type { SanctionKind, SanctionStatus } from '@/lib/enums';
import { callInspections, commissions, complaints, organizations, sanctions, users, type Sanction } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { DomainError } from '../../errors';
import { shanghaiDate } from '@/lib/dates';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { suspensionOf } from './standing';

// Reading sanctions. Staff read every one, with who proposed and decided it. An agency
// reads its own once they are in force or were (never a ban under deliberation or one
// turned down), with its appeal. A creditor reads the sanctions in force on agencies it
// commissions or has commissioned, without the internals: whom it works with is its
// business (CBA 2026), how staff deliberated is not.

/** The rows the caller may read at all. */
const scopeOf = (db: DbOrTx, caller: Caller): SQL | undefined => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'platform') return undefined;
  if (orgType === 'agency')
    return and(eq(sanctions.agencyId, orgId), notInArray(sanctions.status, ['proposed', 'rejected']));
  // A subquery: the agencies this creditor has ever commissioned (commissions_creditor_idx).
  const commissioned = db
    .selectDistinct({ id: commissions.agencyId })
    .from(commissions)
    .where(eq(commissions.creditorId, orgId));
  return and(eq(sanctions.status, 'active'), inArray(sanctions.agencyId, commissioned));
};

export type SanctionListInput = {
  status?: SanctionStatus | undefined;
  kind?: SanctionKind | undefined;
  agencyId?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

const agencies = alias(organizations, 'sanction_agency');
const proposer = alias(users, 'sanction_proposer');

/** Is the sanction biting today? A suspension past its last day is not, though its status stays `active`. */
const isInForce = (s: Pick<Sanction, 'status' | 'kind' | 'endsOn'>, today: string) =>
  s.status === 'active' && !(s.kind === 'suspension' && s.endsOn !== null && s.endsOn < today);

/** The sanctions the caller may read, newest first, keyset-paged. */
export const listSanctions = async (db: DbOrTx, caller: Caller, input: SanctionListInput, now = new Date()) => {
  const cursor = decodeCursor(input.cursor);
  const isStaff = caller.actor.orgType === 'platform';
  // A creditor reads the sanction alone: not what it cites, nor the agency's appeal.
  const isCreditor = caller.actor.orgType === 'creditor';
  const rows = await db
    .select({
      s: sanctions,
      agencyName: agencies.name,
      agencyStatus: agencies.status,
      proposedByName: proposer.name,
      complaintReference: complaints.reference,
    })
    .from(sanctions)
    .innerJoin(agencies, eq(agencies.id, sanctions.agencyId))
    .innerJoin(proposer, eq(proposer.id, sanctions.proposedBy))
    .leftJoin(complaints, eq(complaints.id, sanctions.complaintId))
    .where(
      and(
        scopeOf(db, caller),
        input.status ? eq(sanctions.status, input.status) : undefined,
        input.kind ? eq(sanctions.kind, input.kind) : undefined,
        input.agencyId ? eq(sanctions.agencyId, input.agencyId) : undefined,
        cursor ? afterCursor(sanctions.createdAt, sanctions.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(sanctions.createdAt), desc(sanctions.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.s.createdAt, id: r.s.id }));
  const today = shanghaiDate(now);
  return {
    items: page.items.map(({ s, agencyName, agencyStatus, proposedByName, complaintReference }) => ({
      id: s.id,
      kind: s.kind,
      status: s.status,
      isInForce: isInForce(s, today),
      points: s.points,
      endsOn: s.endsOn,
      agencyId: s.agencyId,
      agencyName,
      agencyStatus,
      reason: s.reason,
      complaintReference: isCreditor ? null : (complaintReference ?? null),
      inspectionId: isCreditor ? null : s.inspectionId,
      proposedByName: isStaff ? proposedByName : null,
      createdAt: s.createdAt,
      effectiveAt: s.effectiveAt,
      appealedAt: isCreditor ? null : s.appealedAt,
      appealOutcome: isCreditor ? null : s.appealOutcome,
    })),
    nextCursor: page.nextCursor,
  };
};

const decider = alias(users, 'sanction_decider');
const lifter = alias(users, 'sanction_lifter');
const appellant = alias(users, 'sanction_appellant');
const appealDecider = alias(users, 'sanction_appeal_decider');

/** One sanction as the caller may read it; anyone else's answers NOT_FOUND. */
export const getSanction = async (db: DbOrTx, caller: Caller, sanctionId: string, now = new Date()) => {
  const [row] = await db
    .select({
      s: sanctions,
      agencyName: agencies.name,
      agencyStatus: agencies.status,
      agencyCreditCode: agencies.creditCode,
      proposedByName: proposer.name,
      decidedByName: decider.name,
      liftedByName: lifter.name,
      appealedByName: appellant.name,
      appellantOrgId: appellant.orgId,
      appealDecidedByName: appealDecider.name,
      complaintReference: complaints.reference,
      inspectionRecordId: callInspections.recordId,
    })
    .from(sanctions)
    .innerJoin(agencies, eq(agencies.id, sanctions.agencyId))
    .innerJoin(proposer, eq(proposer.id, sanctions.proposedBy))
    .leftJoin(callInspections, eq(callInspections.id, sanctions.inspectionId))
    .leftJoin(decider, eq(decider.id, sanctions.decidedBy))
    .leftJoin(lifter, eq(lifter.id, sanctions.liftedBy))
    .leftJoin(appellant, eq(appellant.id, sanctions.appealedBy))
    .leftJoin(appealDecider, eq(appealDecider.id, sanctions.appealDecidedBy))
    .leftJoin(complaints, eq(complaints.id, sanctions.complaintId))
    .where(and(eq(sanctions.id, sanctionId), scopeOf(db, caller)));
  if (!row) throw new DomainError('sanction.notFound', { field: 'sanctionId' });
  const { s } = row;
  const isStaff = caller.actor.orgType === 'platform';
  const isCreditor = caller.actor.orgType === 'creditor';
  // Staff read everything; the agency its own appeal and the outcome; a creditor the sanction alone.
  const staffOnly = <T>(v: T) => (isStaff ? v : null);
  const notCreditor = <T>(v: T) => (isCreditor ? null : v);
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    isInForce: isInForce(s, shanghaiDate(now)),
    points: s.points,
    endsOn: s.endsOn,
    reason: s.reason,
    agencyId: s.agencyId,
    agencyName: row.agencyName,
    agencyStatus: row.agencyStatus,
    agencyCreditCode: row.agencyCreditCode,
    complaintId: notCreditor(s.complaintId),
    complaintReference: notCreditor(row.complaintReference ?? null),
    auditItemId: staffOnly(s.auditItemId),
    inspectionId: notCreditor(s.inspectionId),
    inspectionRecordId: notCreditor(row.inspectionRecordId ?? null),
    createdAt: s.createdAt,
    proposedByName: staffOnly(row.proposedByName),
    isProposedByMe: s.proposedBy === caller.actor.userId,
    decidedAt: staffOnly(s.decidedAt),
    decidedByName: staffOnly(row.decidedByName ?? null),
    decisionNote: staffOnly(s.decisionNote),
    effectiveAt: s.effectiveAt,
    liftedAt: s.liftedAt,
    liftedByName: staffOnly(row.liftedByName ?? null),
    effects: notCreditor(s.effects),
    appealText: notCreditor(s.appealText),
    appealedAt: notCreditor(s.appealedAt),
    appealedByName: staffOnly(row.appealedByName ?? null),
    /** Staff recorded it from the agency's letter (a banned agency has no portal). */
    isAppealRecorded: notCreditor(row.appellantOrgId !== null && row.appellantOrgId !== s.agencyId) ?? false,
    appealOutcome: notCreditor(s.appealOutcome),
    appealNote: notCreditor(s.appealNote),
    appealDecidedAt: notCreditor(s.appealDecidedAt),
    appealDecidedByName: staffOnly(row.appealDecidedByName ?? null),
  };
};

/** The caller's agency's standing: the suspension in force on it, if any (its marketplace is empty meanwhile). */
export const getOwnStanding = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  const suspension = await suspensionOf(db, caller.actor.orgId, now);
  return {
    isSuspended: suspension !== null,
    suspensionId: suspension?.sanctionId ?? null,
    suspendedUntil: suspension?.endsOn ?? null,
  };
};
