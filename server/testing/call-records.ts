import { eq } from 'drizzle-orm';
import { callBatches, callRecords, cases, type CallRecord } from '@/db/schema';
import type { CallDisposition } from '@/lib/call-records';
import { sealPhone } from '../domain/cases/seal';
import type { World } from './world';

// Call records written straight into the tables, as the dialer's ingest stores them: a
// record matched to a case (its debtor's first number, or a contact's), or one matched to
// none.

let made = 0;

export type RecordSeed = {
  /** The case the record is matched to (agencyA's), or none. */
  caseId?: string | null;
  /** The debtor's number (0) or contact n (1-based) of the case. */
  target?: { kind: 'debtor'; index: number } | { kind: 'contact'; index: number };
  startedAt?: Date;
  durationS?: number;
  disposition?: CallDisposition;
  agentId?: string | null;
  agentRef?: string | null;
  transcript?: string | null;
  agency?: 'agencyA' | 'agencyB';
};

/** One outbound call of `agency` (agencyA unless said), stored in a batch of its own. */
export const insertCallRecord = async (w: World, seed: RecordSeed = {}): Promise<CallRecord> => {
  const agency = w.orgs[seed.agency ?? 'agencyA'];
  const [batch] = await w.db
    .insert(callBatches)
    .values({
      agencyId: agency.id,
      source: 'api',
      received: 1,
      stored: 1,
      duplicates: 0,
      matched: seed.caseId ? 1 : 0,
      unmatched: seed.caseId ? 0 : 1,
      createdBy: w.users[`${seed.agency ?? 'agencyA'}.admin`].id,
    })
    .returning();
  const [c] = seed.caseId ? await w.db.select().from(cases).where(eq(cases.id, seed.caseId)) : [];
  const target = seed.target ?? { kind: 'debtor', index: 0 };
  const party =
    (c && (target.kind === 'debtor' ? c.phones[target.index] : c.contacts[target.index - 1]?.phone)) ??
    sealPhone('13800138000');
  const startedAt = seed.startedAt ?? new Date(Date.now() - 3 * 3_600_000);
  const durationS = seed.durationS ?? 95;
  const disposition = seed.disposition ?? 'answered';
  const answeredAt = disposition === 'answered' ? new Date(startedAt.getTime() + 8_000) : null;
  const [row] = await w.db
    .insert(callRecords)
    .values({
      agencyId: agency.id,
      batchId: batch?.id ?? '',
      externalId: `CDR-${process.pid}-${(made += 1)}`,
      kind: 'call',
      direction: 'outbound',
      lineNo: '02112345678',
      partyEnc: party.enc,
      partyIdx: party.idx,
      partyMasked: party.masked,
      startedAt,
      answeredAt,
      endedAt: new Date((answeredAt ?? startedAt).getTime() + durationS * 1000),
      durationS,
      disposition,
      agentRef: seed.agentRef ?? null,
      agentId: seed.agentId === undefined ? w.users['agencyA.collector'].id : seed.agentId,
      transcript: seed.transcript ?? null,
      ...(c
        ? {
            caseId: c.id,
            creditorId: c.creditorId,
            commissionId: c.commissionId,
            target: target.kind,
            partyNo: target.index,
            debtorIdx: c.idNumberIdx,
          }
        : {}),
    })
    .returning();
  if (!row) throw new Error('call record not stored');
  return row;
};
