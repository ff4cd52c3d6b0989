import {
  callBatches,
  callChecks,
  callInspections,
  callRecords,
  caseActions,
  type CallViolation,
  type CaseRow as Case,
  type Commission,
} from '@/db/schema';
import type { ActionChannel } from '@/lib/enums';
import type { CallDirection, CallRecordKind } from '@/lib/call-records';
import { sealPhone } from '../domain/cases/seal';
import type { World } from './world';

// Call records, their checks, logged contacts and inspections written straight into the
// tables, as the dialer's ingest, the rule check and the inspectors would leave them: what
// the scorecard reads of a month, without the ingest's own rules in the way.

let external = 0;

/** One API batch of agencyA's dialer, sent by its admin. */
export const callBatchOf = async (w: World) => {
  const [batch] = await w.db
    .insert(callBatches)
    .values({
      agencyId: w.orgs.agencyA.id,
      source: 'api',
      received: 0,
      stored: 0,
      duplicates: 0,
      matched: 0,
      unmatched: 0,
      createdBy: w.users['agencyA.admin'].id,
    })
    .returning();
  if (!batch) throw new Error('no batch');
  return batch;
};

/** The debtor's first number on the case: its blind index and mask. */
export const debtorPhoneOf = (row: Case) => {
  const phone = row.phones[0];
  if (!phone) throw new Error('case without a number');
  return phone;
};

/**
 * A record of agencyA's dialer: matched to the case's debtor (its first number) unless
 * `row` is null, a call of `durationS` seconds from `startedAt`.
 */
export const insertCallRecord = async (
  w: World,
  batchId: string,
  o: {
    row: Case | null;
    commission?: Commission;
    startedAt: Date;
    kind?: CallRecordKind;
    direction?: CallDirection;
    durationS?: number;
  },
) => {
  const kind = o.kind ?? 'call';
  const durationS = o.durationS ?? 60;
  const party = o.row ? debtorPhoneOf(o.row) : sealPhone('13900000000');
  const [record] = await w.db
    .insert(callRecords)
    .values({
      agencyId: w.orgs.agencyA.id,
      batchId,
      externalId: `SC-${process.pid}-${(external += 1)}`,
      kind,
      direction: o.direction ?? 'outbound',
      lineNo: '02088880000',
      partyEnc: party.enc,
      partyIdx: party.idx,
      partyMasked: party.masked,
      startedAt: o.startedAt,
      answeredAt: kind === 'call' && durationS > 0 ? o.startedAt : null,
      endedAt: new Date(o.startedAt.getTime() + durationS * 1000),
      durationS: kind === 'call' ? durationS : 0,
      disposition: kind === 'sms' ? 'delivered' : durationS > 0 ? 'answered' : 'no_answer',
      agentRef: 'A001',
      agentId: w.users['agencyA.collector'].id,
      body: kind === 'sms' ? '您好，您的账单已逾期，请尽快处理。' : null,
      caseId: o.row?.id ?? null,
      creditorId: o.row?.creditorId ?? null,
      commissionId: o.row ? (o.commission?.id ?? null) : null,
      target: o.row ? 'debtor' : null,
      partyNo: o.row ? 0 : null,
      debtorIdx: o.row?.idNumberIdx ?? null,
    })
    .returning();
  if (!record) throw new Error('no record');
  return record;
};

/** The rulebook's check of a matched record, with the hard rules it broke. */
export const insertCallCheck = async (
  w: World,
  record: typeof callRecords.$inferSelect,
  violations: CallViolation[] = [],
) => {
  if (!record.caseId || !record.creditorId) throw new Error('only matched records are checked');
  await w.db.insert(callChecks).values({
    recordId: record.id,
    agencyId: record.agencyId,
    creditorId: record.creditorId,
    caseId: record.caseId,
    agentId: record.agentId,
    startedAt: record.startedAt,
    ruleVersion: 1,
    violations,
    flags: [],
  });
};

/** A call or message agencyA's collector logged on the case's debtor (first number) at `at`. */
export const insertLoggedContact = async (
  w: World,
  o: { row: Case; commission: Commission; at: Date; channel?: ActionChannel; correctsId?: string },
) => {
  const phone = debtorPhoneOf(o.row);
  const [action] = await w.db
    .insert(caseActions)
    .values({
      caseId: o.row.id,
      creditorId: o.row.creditorId,
      agencyId: w.orgs.agencyA.id,
      commissionId: o.commission.id,
      actorId: w.users['agencyA.collector'].id,
      debtorIdx: o.row.idNumberIdx,
      channel: o.channel ?? 'call',
      target: 'debtor',
      phoneIdx: phone.idx,
      phoneMasked: phone.masked,
      outcome: 'answered',
      note: '',
      ruleVersion: 1,
      correctsId: o.correctsId ?? null,
      at: o.at,
    })
    .returning();
  if (!action) throw new Error('no action');
  return action;
};

/** An inspection of a record by the platform's auditor or agencyA's supervisor. */
export const insertInspection = async (
  w: World,
  record: typeof callRecords.$inferSelect,
  o: { side: 'platform' | 'agency'; scoreBp: number; fatalFailed?: string[]; at: Date },
) => {
  if (!record.caseId) throw new Error('only matched records are inspected');
  const inspector = o.side === 'platform' ? w.users['platform.auditor'] : w.users['agencyA.supervisor'];
  await w.db.insert(callInspections).values({
    recordId: record.id,
    agencyId: record.agencyId,
    caseId: record.caseId,
    agentId: record.agentId,
    formVersion: 1,
    side: o.side,
    inspectorOrgId: inspector.orgId,
    inspectorId: inspector.id,
    scores: [],
    scoreBp: o.scoreBp,
    fatalFailed: o.fatalFailed ?? [],
    note: '',
    sampleReason: 'random',
    createdAt: o.at,
  });
};
