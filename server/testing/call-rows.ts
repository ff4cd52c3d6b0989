import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { callBatches, callChecks, callRecords, cases, type CallFlag, type CallViolation } from '@/db/schema';
import { isRandomSample } from '../domain/calls/inspection-sample';
import type { World } from './world';

// Call records as an agency's dialer would have sent them, written directly (the ingest
// path has its own tests): matched to a case of the agency, with the rule check's verdict
// when the test needs a flagged call.

let made = 0;

export type CallFixture = {
  id?: string;
  caseId: string;
  /** The collector the dialer names; the case's collector when left out. */
  agentId?: string | null;
  startedAt?: Date;
  durationS?: number;
  transcript?: string | null;
  /** A rule check: `violation` (a hard rule broken), `flag` (a forbidden phrase), `clean`, or none. */
  check?: 'violation' | 'flag' | 'clean' | null;
};

/** One matched call record (and its check), written as ingest would. */
export const insertCall = async (w: World, f: CallFixture) => {
  const [c] = await w.db.select().from(cases).where(eq(cases.id, f.caseId));
  if (!c?.agencyId) throw new Error('the case is not with an agency');
  const phone = c.phones[0];
  if (!phone) throw new Error('the case has no number');
  const startedAt = f.startedAt ?? new Date(Date.now() - 3_600_000);
  const durationS = f.durationS ?? 95;
  const [batch] = await w.db
    .insert(callBatches)
    .values({
      agencyId: c.agencyId,
      source: 'api',
      received: 1,
      stored: 1,
      duplicates: 0,
      matched: 1,
      unmatched: 0,
      createdBy: w.users['agencyA.admin'].id,
    })
    .returning({ id: callBatches.id });
  const agentId = f.agentId === undefined ? c.collectorId : f.agentId;
  const [record] = await w.db
    .insert(callRecords)
    .values({
      ...(f.id ? { id: f.id } : {}),
      agencyId: c.agencyId,
      batchId: batch?.id ?? '',
      externalId: `CDR-${process.pid}-${(made += 1)}`,
      kind: 'call',
      direction: 'outbound',
      lineNo: '01088886666',
      partyEnc: phone.enc,
      partyIdx: phone.idx,
      partyMasked: phone.masked,
      startedAt,
      answeredAt: new Date(startedAt.getTime() + 8_000),
      endedAt: new Date(startedAt.getTime() + 8_000 + durationS * 1000),
      durationS,
      disposition: 'answered',
      agentRef: agentId,
      agentId,
      transcript: f.transcript ?? '您好，这里是处置机构，关于您的逾期款项，想和您确认还款安排。',
      caseId: c.id,
      creditorId: c.creditorId,
      commissionId: c.commissionId,
      target: 'debtor',
      partyNo: 0,
      debtorIdx: c.idNumberIdx,
    })
    .returning();
  if (!record) throw new Error('no record');
  if (f.check) {
    const violations: CallViolation[] =
      f.check === 'violation' ? [{ rule: 'window', values: { next: '2026-12-02 08:00' } }] : [];
    const flags: CallFlag[] = f.check === 'flag' ? [{ rule: 'forbiddenPhrase', values: { phrase: '上门' } }] : [];
    await w.db.insert(callChecks).values({
      recordId: record.id,
      agencyId: record.agencyId,
      creditorId: c.creditorId,
      caseId: c.id,
      agentId,
      startedAt,
      ruleVersion: 1,
      violations,
      flags,
    });
  }
  return record;
};

/** A fresh id that is (or is not) in the random share. */
export const idInRandomShare = (isIn: boolean): string => {
  for (;;) {
    const id = randomUUID();
    if (isRandomSample(id) === isIn) return id;
  }
};
