import { eq } from 'drizzle-orm';
import { cases } from '@/db/schema';
import { checkCallBatch } from '../domain/calls/check';
import { ingestCallRecords } from '../domain/calls/ingest';
import { ZCallItem, type CallItem } from '../domain/calls/items';
import { decryptPii } from '../pii/crypto';
import { morning, workingCases } from './work';
import { domainCaller, type World } from './world';

let made = 0;

/** A record as a dialer sends it (parsed by the API's own schema). */
export const callItem = (party: string, start: Date, over: Partial<CallItem> = {}): CallItem =>
  ZCallItem.parse({
    id: `T${process.pid}-${(made += 1)}`,
    line: '021-61234567',
    party,
    startedAt: start.toISOString(),
    endedAt: new Date(start.getTime() + 60_000).toISOString(),
    disposition: 'no_answer',
    ...over,
  });

/** The plain numbers of a case (tests only). */
export const numbersOfCase = async (w: World, caseId: string) => {
  const [row] = await w.db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw new Error(`no case ${caseId}`);
  return {
    debtor: row.phones.map((p) => decryptPii(p.enc)),
    contacts: row.contacts.map((c) => decryptPii(c.phone.enc)),
  };
};

/** Sends records as agencyA's supervisor and runs their check, as the queued job would. */
export const sendCalls = async (w: World, items: CallItem[]) => {
  const supervisor = await domainCaller(w, 'agencyA.supervisor');
  const result = await ingestCallRecords(w.db, supervisor, items, { kind: 'api' });
  await checkCallBatch(w.db, result.batchId);
  return result;
};

/**
 * Cases of agencyA with yesterday's dialer records: a 22:01 call nobody logged (a window
 * violation and a shadow contact), an answered morning call, and one to a stranger.
 */
export const casesWithCalls = async (w: World) => {
  const { caseId, caseIds } = await workingCases(w, 2);
  const { debtor } = await numbersOfCase(w, caseId);
  const party = debtor[0] ?? '';
  const late = callItem(party, morning('22:01:00', -1), { agent: w.users['agencyA.collector'].email });
  const answered = callItem(party, morning('10:00:00', -1), { disposition: 'answered' });
  const stranger = callItem('13900002222', morning('11:00:00', -1));
  const result = await sendCalls(w, [late, answered, stranger]);
  return { caseId, caseIds, result, late, answered, stranger };
};
