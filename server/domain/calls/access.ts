import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { callRecords, cases, type CallRecord } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { DomainError } from '../../errors';

// Who reads which call records (calls.read): the agency its own (a collector only the calls
// made as them or to the cases they work), a creditor those matched to its cases, platform
// staff every one. Anyone else, and any other organization's record, answers NOT_FOUND.

/** The condition on call_records for what the caller may read; `false` for nobody. */
export const callsReadableBy = (caller: Caller): SQL => {
  const { actor } = caller;
  if (!hasPermission(actor, 'calls.read')) return sql`false`;
  if (actor.orgType === 'platform') return sql`true`;
  if (actor.orgType === 'creditor') return eq(callRecords.creditorId, actor.orgId);
  const own = eq(callRecords.agencyId, actor.orgId);
  if (hasPermission(actor, 'cases.assign')) return own;
  const mine = or(
    eq(callRecords.agentId, actor.userId),
    sql`exists (select 1 from ${cases} where ${cases.id} = ${callRecords.caseId} and ${cases.collectorId} = ${actor.userId} and ${cases.agencyId} = ${actor.orgId})`,
  );
  return and(own, mine) ?? own;
};

/** One call record the caller may read, or NOT_FOUND. */
export const loadCall = async (db: DbOrTx, caller: Caller, recordId: string): Promise<CallRecord> => {
  const [row] = await db
    .select()
    .from(callRecords)
    .where(and(eq(callRecords.id, recordId), callsReadableBy(caller)));
  if (!row) throw new DomainError('call.notFound');
  return row;
};
