import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { callBatches, users } from '@/db/schema';
import type { CallBatchSource } from '@/lib/call-records';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { normalisePhone } from '../cases/import-row';
import { sealPhone } from '../cases/seal';
import { executeRows } from '../shared/execute';
import type { CallItem } from './items';

// Records in (DESIGN §4, issue 19): a batch from a dialer's API client or a file, all or
// nothing. Each record's other party is sealed like a case's number and matched, by its
// blind index, to the case the agency holds under a live commission whose debtor (first)
// or contact has that number; a record matching none is kept and counted as unmatched.
// The rule check runs after the batch commits (CALL_CHECK_JOB), on the records' own times.

export const CALL_CHECK_JOB = 'calls.check';

export type IngestSource = { kind: CallBatchSource; fileId?: string | null };
export type IngestResult = {
  batchId: string;
  received: number;
  stored: number;
  duplicates: number;
  matched: number;
  unmatched: number;
};

type Candidate = {
  idx: string;
  case_id: string;
  creditor_id: string;
  commission_id: string;
  collector_id: string | null;
  debtor_idx: string;
  phone_pos: number | null;
  contact_no: number | null;
};

/** The cases of the agency, under a live commission, that carry any of these numbers (by blind index). */
const candidatesFor = (tx: Tx, agencyId: string, idxs: readonly string[]) =>
  executeRows<Candidate>(
    tx,
    sql`
      select n.idx, c.id as case_id, c.creditor_id, c.commission_id, c.collector_id, c.id_number_idx as debtor_idx,
        (select (e.o - 1)::int from jsonb_array_elements(c.phones) with ordinality e(p, o)
          where e.p->>'idx' = n.idx limit 1) as phone_pos,
        (select e.o::int from jsonb_array_elements(c.contacts) with ordinality e(p, o)
          where e.p->'phone'->>'idx' = n.idx limit 1) as contact_no
      from jsonb_array_elements_text(${JSON.stringify(idxs)}::jsonb) as n(idx)
      join lateral (
        select c.* from cases c
        join commissions m on m.id = c.commission_id and m.status = 'active'
        where c.agency_id = ${agencyId}::uuid
          and (jsonb_path_query_array(c.phones, '$[*].idx') || jsonb_path_query_array(c.contacts, '$[*].phone.idx'))
            @> jsonb_build_array(n.idx)
      ) c on true`,
  );

/** Of the cases carrying a number, the one a record belongs to: the debtor's own number before a contact's, then the agent's own case. */
const pick = (candidates: readonly Candidate[] | undefined, agentId: string | null): Candidate | undefined =>
  candidates
    ?.slice()
    .sort(
      (a, b) =>
        Number(a.phone_pos === null) - Number(b.phone_pos === null) ||
        Number(a.collector_id !== agentId) - Number(b.collector_id !== agentId) ||
        a.case_id.localeCompare(b.case_id),
    )[0];

/** The agency's users the dialer named, by id, e-mail or work number (工号). */
const agentsOf = async (tx: Tx, agencyId: string, refs: readonly string[]) => {
  if (refs.length === 0) return new Map<string, string>();
  const ids = refs.filter((r) => /^[0-9a-f-]{36}$/i.test(r));
  const emails = refs.map((r) => r.toLowerCase());
  const found = await tx
    .select({ id: users.id, email: users.email, workNo: users.workNo })
    .from(users)
    .where(
      and(
        eq(users.orgId, agencyId),
        or(
          ids.length > 0 ? inArray(users.id, ids) : undefined,
          inArray(sql`lower(${users.email})`, emails),
          inArray(users.workNo, refs),
        ),
      ),
    );
  const byRef = new Map<string, string>();
  for (const u of found) {
    byRef.set(u.id, u.id);
    byRef.set(u.email.toLowerCase(), u.id);
    if (u.workNo) byRef.set(u.workNo, u.id);
  }
  return byRef;
};

const durationOf = (item: CallItem) => {
  if (item.durationS !== undefined) return item.durationS;
  if (!item.answeredAt || !item.endedAt) return 0;
  return Math.max(0, Math.round((Date.parse(item.endedAt) - Date.parse(item.answeredAt)) / 1000));
};

/**
 * Stores a batch of records the agency's dialer or gateway sent (already checked item by
 * item: items.ts), in one transaction with the batch's audit row and the job that checks
 * them. Records are written in the order of their ids so that two batches carrying the
 * same ids never wait on each other in a cycle.
 */
export const ingestCallRecords = async (
  db: Db,
  caller: Caller,
  items: readonly CallItem[],
  source: IngestSource,
): Promise<IngestResult> => {
  const { actor } = caller;
  if (actor.orgType !== 'agency' || !hasPermission(actor, 'calls.write')) throw new DomainError('auth.forbidden');
  const sealed = items.map((item) => {
    const party = normalisePhone(item.party);
    if (!party) throw new DomainError('calls.party', { field: 'party' });
    return { item, phone: sealPhone(party) };
  });
  const idxs = [...new Set(sealed.map((s) => s.phone.idx))];
  const refs = [...new Set(items.flatMap((i) => (i.agent ? [i.agent] : [])))];
  const batchId = randomUUID();
  return db.transaction(async (tx) => {
    const [byNumber, agents] = await Promise.all([
      candidatesFor(tx, actor.orgId, idxs).then((rows) => {
        const map = new Map<string, Candidate[]>();
        for (const r of rows) map.set(r.idx, [...(map.get(r.idx) ?? []), r]);
        return map;
      }),
      agentsOf(tx, actor.orgId, refs),
    ]);
    const rows = sealed
      .map(({ item, phone }) => {
        const agentId = item.agent ? (agents.get(item.agent) ?? agents.get(item.agent.toLowerCase()) ?? null) : null;
        const match = pick(byNumber.get(phone.idx), agentId);
        const target = match ? (match.phone_pos !== null ? 'debtor' : 'contact') : null;
        return {
          external_id: item.id,
          kind: item.kind,
          direction: item.direction,
          line_no: item.line,
          party_enc: phone.enc,
          party_idx: phone.idx,
          party_masked: phone.masked,
          started_at: item.startedAt,
          answered_at: item.answeredAt ?? null,
          ended_at: item.endedAt ?? null,
          duration_s: durationOf(item),
          disposition: item.disposition,
          agent_ref: item.agent ?? null,
          agent_id: agentId,
          body: item.text ?? null,
          transcript: item.transcript ?? null,
          case_id: match?.case_id ?? null,
          creditor_id: match?.creditor_id ?? null,
          commission_id: match?.commission_id ?? null,
          target,
          party_no: match ? (target === 'debtor' ? match.phone_pos : match.contact_no) : null,
          debtor_idx: match?.debtor_idx ?? null,
        };
      })
      .sort((a, b) => (a.external_id < b.external_id ? -1 : a.external_id > b.external_id ? 1 : 0));
    await tx.insert(callBatches).values({
      id: batchId,
      agencyId: actor.orgId,
      source: source.kind,
      fileId: source.fileId ?? null,
      apiKeyId: actor.apiKey?.id ?? null,
      received: items.length,
      stored: 0,
      duplicates: 0,
      matched: 0,
      unmatched: 0,
      createdBy: actor.userId,
    });
    const stored = await executeRows<{ case_id: string | null; direction: string }>(
      tx,
      sql`
        insert into call_records (agency_id, batch_id, external_id, kind, direction, line_no, party_enc, party_idx,
          party_masked, started_at, answered_at, ended_at, duration_s, disposition, agent_ref, agent_id, body,
          transcript, case_id, creditor_id, commission_id, target, party_no, debtor_idx)
        select ${actor.orgId}::uuid, ${batchId}::uuid, r.external_id, r.kind::call_record_kind,
          r.direction::call_direction, r.line_no, r.party_enc, r.party_idx, r.party_masked, r.started_at,
          r.answered_at, r.ended_at, r.duration_s, r.disposition::call_disposition, r.agent_ref, r.agent_id, r.body,
          r.transcript, r.case_id, r.creditor_id, r.commission_id, r.target::action_target, r.party_no, r.debtor_idx
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(external_id text, kind text, direction text,
          line_no text, party_enc text, party_idx text, party_masked text, started_at timestamptz,
          answered_at timestamptz, ended_at timestamptz, duration_s integer, disposition text, agent_ref text,
          agent_id uuid, body text, transcript text, case_id uuid, creditor_id uuid, commission_id uuid, target text,
          party_no smallint, debtor_idx text)
        order by r.external_id
        on conflict (agency_id, external_id) do nothing
        returning case_id, direction`,
    );
    const matched = stored.filter((r) => r.case_id !== null).length;
    const result: IngestResult = {
      batchId,
      received: items.length,
      stored: stored.length,
      duplicates: items.length - stored.length,
      matched,
      unmatched: stored.length - matched,
    };
    await tx
      .update(callBatches)
      .set({
        stored: result.stored,
        duplicates: result.duplicates,
        matched: result.matched,
        unmatched: result.unmatched,
      })
      .where(eq(callBatches.id, batchId));
    await writeAudit(tx, caller, {
      action: 'calls.ingest',
      resourceType: 'call_batch',
      resourceId: batchId,
      orgId: actor.orgId,
      after: { source: source.kind, ...result },
    });
    if (stored.some((r) => r.case_id !== null && r.direction === 'outbound'))
      await jobQueue.enqueue(tx, { kind: CALL_CHECK_JOB, key: batchId, payload: { batchId } });
    return result;
  });
};
