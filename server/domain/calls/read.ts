import { and, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  callBatches,
  callChecks,
  callRecordings,
  callRecords,
  caseActions,
  cases,
  organizations,
  users,
} from '@/db/schema';
import { hasPermission } from '../../auth/permissions';
import type { Caller } from '../../auth/actor';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { callsReadableBy } from './access';
import { isPhantomSql, isShadowSql } from './pairing';

// Call records as lists show them: masked numbers, the rule check's verdict, whether the
// call is a shadow contact (made, never logged), newest first, page by page.

export const CALL_FILTERS = ['all', 'violations', 'flagged', 'shadow', 'unmatched'] as const;
export type CallFilter = (typeof CALL_FILTERS)[number];

export type CallListInput = {
  filter?: CallFilter | undefined;
  agencyId?: string | undefined;
  agentId?: string | undefined;
  caseId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
};

const RECORD = sql.raw('"call_records"');

const filterOf = (filter: CallFilter, now: Date): SQL | undefined => {
  switch (filter) {
    case 'violations':
      return sql`jsonb_array_length(${callChecks.violations}) > 0`;
    case 'flagged':
      return sql`jsonb_array_length(${callChecks.flags}) > 0`;
    case 'shadow':
      return isShadowSql(now, RECORD);
    case 'unmatched':
      return isNull(callRecords.caseId);
    default:
      return undefined;
  }
};

/** A page of the call records the caller may read. */
export const listCalls = async (db: DbOrTx, caller: Caller, input: CallListInput, now = new Date()) => {
  const limit = input.limit ?? 50;
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: callRecords.id,
      kind: callRecords.kind,
      direction: callRecords.direction,
      partyMasked: callRecords.partyMasked,
      target: callRecords.target,
      partyNo: callRecords.partyNo,
      startedAt: callRecords.startedAt,
      durationS: callRecords.durationS,
      disposition: callRecords.disposition,
      agentRef: callRecords.agentRef,
      agentId: callRecords.agentId,
      agentName: users.name,
      agencyId: callRecords.agencyId,
      agencyName: organizations.name,
      caseId: callRecords.caseId,
      contractNo: cases.contractNo,
      checked: sql<boolean>`${callChecks.recordId} is not null`,
      violations: callChecks.violations,
      flags: callChecks.flags,
      isShadow: sql<boolean>`${isShadowSql(now, RECORD)}`,
      recordingFileId: callRecordings.fileId,
    })
    .from(callRecords)
    .leftJoin(callChecks, eq(callChecks.recordId, callRecords.id))
    .leftJoin(callRecordings, eq(callRecordings.recordId, callRecords.id))
    .leftJoin(users, eq(users.id, callRecords.agentId))
    .leftJoin(cases, eq(cases.id, callRecords.caseId))
    .innerJoin(organizations, eq(organizations.id, callRecords.agencyId))
    .where(
      and(
        callsReadableBy(caller),
        filterOf(input.filter ?? 'all', now),
        input.agencyId ? eq(callRecords.agencyId, input.agencyId) : undefined,
        input.agentId ? eq(callRecords.agentId, input.agentId) : undefined,
        input.caseId ? eq(callRecords.caseId, input.caseId) : undefined,
        input.from ? gte(callRecords.startedAt, input.from) : undefined,
        input.to ? lt(callRecords.startedAt, input.to) : undefined,
        cursor ? afterCursor(callRecords.startedAt, callRecords.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(callRecords.startedAt), desc(callRecords.id))
    .limit(limit + 1);
  return toPage(
    rows.map((r) => ({
      ...r,
      violations: r.violations ?? [],
      flags: r.flags ?? [],
      isShadow: r.isShadow === true,
      checked: r.checked === true,
    })),
    limit,
    (r) => ({ at: r.startedAt, id: r.id }),
  );
};

/** The agency's deliveries of records (API batches and files), newest first. */
export const listCallBatches = async (db: DbOrTx, caller: Caller, input: { cursor?: string; limit?: number }) => {
  const limit = input.limit ?? 20;
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: callBatches.id,
      source: callBatches.source,
      received: callBatches.received,
      stored: callBatches.stored,
      duplicates: callBatches.duplicates,
      matched: callBatches.matched,
      unmatched: callBatches.unmatched,
      createdAt: callBatches.createdAt,
      createdByName: users.name,
      checked: sql<number>`(select count(*)::int from ${callChecks} k join ${callRecords} r on r.id = k.record_id where r.batch_id = ${callBatches.id})`,
    })
    .from(callBatches)
    .innerJoin(users, eq(users.id, callBatches.createdBy))
    .where(
      and(
        eq(callBatches.agencyId, caller.actor.orgId),
        cursor ? afterCursor(callBatches.createdAt, callBatches.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(callBatches.createdAt), desc(callBatches.id))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => ({ at: r.createdAt, id: r.id }));
};

const ACTION = sql.raw('"case_actions"');

/** Logged actions the caller may read, as the call records are read (calls.read). */
const actionsReadableBy = (caller: Caller): SQL => {
  const { actor } = caller;
  if (!hasPermission(actor, 'calls.read')) return sql`false`;
  if (actor.orgType === 'platform') return sql`true`;
  if (actor.orgType === 'creditor') return eq(caseActions.creditorId, actor.orgId);
  const own = eq(caseActions.agencyId, actor.orgId);
  return hasPermission(actor, 'cases.assign') ? own : (and(own, eq(caseActions.actorId, actor.userId)) ?? own);
};

/** Phantom actions: calls and messages logged by an agency whose dialer was connected, with no record of them. */
export const listPhantoms = async (
  db: DbOrTx,
  caller: Caller,
  input: Omit<CallListInput, 'filter'>,
  now = new Date(),
) => {
  const limit = input.limit ?? 50;
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: caseActions.id,
      channel: caseActions.channel,
      target: caseActions.target,
      phoneMasked: caseActions.phoneMasked,
      outcome: caseActions.outcome,
      at: caseActions.at,
      actorId: caseActions.actorId,
      actorName: users.name,
      agencyId: caseActions.agencyId,
      agencyName: organizations.name,
      caseId: caseActions.caseId,
      contractNo: cases.contractNo,
    })
    .from(caseActions)
    .innerJoin(users, eq(users.id, caseActions.actorId))
    .innerJoin(organizations, eq(organizations.id, caseActions.agencyId))
    .innerJoin(cases, eq(cases.id, caseActions.caseId))
    .where(
      and(
        actionsReadableBy(caller),
        isPhantomSql(now, ACTION),
        input.agencyId ? eq(caseActions.agencyId, input.agencyId) : undefined,
        input.agentId ? eq(caseActions.actorId, input.agentId) : undefined,
        input.caseId ? eq(caseActions.caseId, input.caseId) : undefined,
        input.from ? gte(caseActions.at, input.from) : undefined,
        input.to ? lt(caseActions.at, input.to) : undefined,
        cursor ? afterCursor(caseActions.at, caseActions.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(caseActions.at), desc(caseActions.id))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => ({ at: r.at, id: r.id }));
};
