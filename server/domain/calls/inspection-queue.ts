import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import type { InspectionSampleReason } from '@/lib/call-records';
import { endOfShanghaiDay, startOfShanghaiDay } from '@/lib/dates';
import {
  callChecks,
  callInspections,
  callRecordings,
  callRecords,
  cases,
  complaints,
  organizations,
  users,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { isRandomSample, randomSampleSql } from './inspection-sample';

// The inspection queue (质检队列) is derived, never stored: the matched calls an inspector's
// side has not inspected yet that are sampled for one of three reasons (several may hold):
// the rule check flagged the call (a violation, or a forbidden phrase in its transcript),
// the debtor has a complaint on the case that is not closed, or the call is in the random
// share chosen by its id. An agency's supervisors see their own agency's calls; the
// platform's auditors every agency's. Newest first, keyset-paged on (started_at, id):
// - all reasons: the agency's (agency_id, started_at, id) index or, across agencies, the
//   matched-calls index (migration 0047), walked in order; at least the random share of the
//   rows walked qualifies, so a page reads a few hundred rows at most;
// - flagged only: driven from call_checks' partial index of flagged checks;
// - complaint only: driven from the few cases with a complaint not closed (call_records_case_idx).

export type QueueInput = {
  agencyId?: string | undefined;
  reason?: InspectionSampleReason | undefined;
  agentId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
};

/** The check found something: a hard rule broken or a flagged phrase. */
export const flaggedSql = (recordId: SQL | typeof callRecords.id = callRecords.id): SQL =>
  sql`exists (select 1 from ${callChecks} where ${callChecks.recordId} = ${recordId} and (jsonb_array_length(${callChecks.violations}) > 0 or jsonb_array_length(${callChecks.flags}) > 0))`;

/** Cases with a complaint still running (anything but closed: decided ones await closing and still count). */
const casesUnderComplaint = (db: DbOrTx) =>
  db
    .select({ caseId: complaints.caseId })
    .from(complaints)
    .where(and(ne(complaints.status, 'closed'), sql`${complaints.caseId} is not null`));

export const complaintSql = (caseId: SQL | typeof callRecords.caseId = callRecords.caseId): SQL =>
  sql`exists (select 1 from ${complaints} where ${complaints.caseId} = ${caseId} and ${complaints.status} <> 'closed')`;

/** Not yet inspected by this side (call_inspections_record_side_key). */
const notInspectedBy = (side: Caller['actor']['orgType']): SQL =>
  sql`not exists (select 1 from ${callInspections} where ${callInspections.recordId} = ${callRecords.id} and ${callInspections.side} = ${side})`;

/** Which agencies' calls the caller inspects: its own agency's, or (staff) any, optionally one. */
export const inspectionScope = (caller: Caller, agencyId?: string): SQL => {
  const { actor } = caller;
  if (!hasPermission(actor, 'inspections.perform')) return sql`false`;
  if (actor.orgType === 'agency') return eq(callRecords.agencyId, actor.orgId);
  if (actor.orgType === 'platform') return agencyId ? eq(callRecords.agencyId, agencyId) : sql`true`;
  return sql`false`;
};

const agents = alias(users, 'queue_agent');
const agencies = alias(organizations, 'queue_agency');

/** The reasons a call is sampled now (an empty list when it is not). */
export const reasonsOf = (r: { flagged: boolean; complaint: boolean; random: boolean }): InspectionSampleReason[] => [
  ...(r.flagged ? (['flagged'] as const) : []),
  ...(r.complaint ? (['complaint'] as const) : []),
  ...(r.random ? (['random'] as const) : []),
];

/** One page of the caller's queue. */
export const inspectionQueue = async (db: DbOrTx, caller: Caller, input: QueueInput) => {
  const cursor = decodeCursor(input.cursor);
  const isFlaggedOnly = input.reason === 'flagged';
  // Flagged only: ordered by the check's own copy of the start, so its partial index drives.
  const at = isFlaggedOnly ? callChecks.startedAt : callRecords.startedAt;
  const id = isFlaggedOnly ? callChecks.recordId : callRecords.id;
  const sampled =
    input.reason === 'flagged'
      ? sql`(jsonb_array_length(${callChecks.violations}) > 0 or jsonb_array_length(${callChecks.flags}) > 0)`
      : input.reason === 'complaint'
        ? inArray(callRecords.caseId, casesUnderComplaint(db))
        : input.reason === 'random'
          ? randomSampleSql(callRecords.id)
          : sql`(${flaggedSql()} or ${complaintSql()} or ${randomSampleSql(callRecords.id)})`;
  const base = db
    .select({
      id: callRecords.id,
      startedAt: callRecords.startedAt,
      durationS: callRecords.durationS,
      direction: callRecords.direction,
      disposition: callRecords.disposition,
      partyMasked: callRecords.partyMasked,
      agentId: callRecords.agentId,
      agentRef: callRecords.agentRef,
      agentName: agents.name,
      agencyId: callRecords.agencyId,
      agencyName: agencies.name,
      caseId: callRecords.caseId,
      contractNo: cases.contractNo,
      flagged: sql<boolean>`${flaggedSql()}`,
      complaint: sql<boolean>`${complaintSql()}`,
      random: sql<boolean>`${randomSampleSql(callRecords.id)}`,
      hasRecording: sql<boolean>`exists (select 1 from ${callRecordings} where ${callRecordings.recordId} = ${callRecords.id})`,
    })
    .from(callRecords);
  const joined = isFlaggedOnly ? base.innerJoin(callChecks, eq(callChecks.recordId, callRecords.id)) : base;
  const rows = await joined
    .innerJoin(agencies, eq(agencies.id, callRecords.agencyId))
    .leftJoin(agents, eq(agents.id, callRecords.agentId))
    .leftJoin(cases, eq(cases.id, callRecords.caseId))
    .where(
      and(
        sql`${callRecords.caseId} is not null`,
        eq(callRecords.kind, 'call'),
        inspectionScope(caller, input.agencyId),
        isFlaggedOnly && caller.actor.orgType === 'agency' ? eq(callChecks.agencyId, caller.actor.orgId) : undefined,
        isFlaggedOnly && caller.actor.orgType === 'platform' && input.agencyId
          ? eq(callChecks.agencyId, input.agencyId)
          : undefined,
        notInspectedBy(caller.actor.orgType),
        sampled,
        input.agentId ? eq(callRecords.agentId, input.agentId) : undefined,
        input.from ? sql`${at} >= ${startOfShanghaiDay(input.from).toISOString()}::timestamptz` : undefined,
        input.to ? sql`${at} < ${endOfShanghaiDay(input.to).toISOString()}::timestamptz` : undefined,
        cursor ? afterCursor(at, id, cursor) : undefined,
      ),
    )
    .orderBy(desc(at), desc(id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.startedAt, id: r.id }));
  return {
    items: page.items.map(({ flagged, complaint, random, caseId, ...r }) => ({
      ...r,
      caseId: caseId ?? '',
      reasons: reasonsOf({ flagged, complaint, random }),
    })),
    nextCursor: page.nextCursor,
  };
};

/** The reasons one call is sampled now, for its inspection page and the inspection's record. */
export const reasonsOfCall = async (db: DbOrTx, recordId: string, caseId: string) => {
  const [row] = await db
    .select({
      flagged: sql<boolean>`${flaggedSql(sql`${recordId}::uuid`)}`,
      complaint: sql<boolean>`${complaintSql(sql`${caseId}::uuid`)}`,
    })
    .from(sql`(select 1) as one`);
  return reasonsOf({
    flagged: row?.flagged ?? false,
    complaint: row?.complaint ?? false,
    random: isRandomSample(recordId),
  });
};

/** What the queue's filters offer: the agencies (staff) and the collectors of the agency in view. */
export const inspectionFilters = async (db: DbOrTx, caller: Caller, input: { agencyId?: string | undefined }) => {
  const { actor } = caller;
  const isStaff = actor.orgType === 'platform';
  const agencyId = isStaff ? input.agencyId : actor.orgId;
  const agencyList = isStaff
    ? await db
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(and(eq(organizations.type, 'agency'), ne(organizations.status, 'applicant')))
        .orderBy(organizations.name)
    : [];
  const agentList = agencyId
    ? await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .innerJoin(organizations, eq(organizations.id, users.orgId))
        .where(and(eq(users.orgId, agencyId), eq(organizations.type, 'agency')))
        .orderBy(users.name)
    : [];
  return { agencies: agencyList, agents: agentList };
};
