// Call records at scale (issue 19), on the production build with PostgreSQL:
//
// 1. Ingest: 1,000,000 dialer records sent over POST /api/v1/agency/calls/batch in
//    batches of 10,000 by a few concurrent clients, until every batch is answered 201
//    (stored, matched to the agency's cases by number), beside a raw COPY of the same rows
//    (sealed outside the timing) into a table made LIKE call_records INCLUDING ALL (the same
//    indexes), in the same run. The app runs as production does beside a job worker
//    (DAYLIGHT_SCHEDULER=off): the rule checks the batches queued are then drained by the
//    worker (`npm run worker`) on its own, and timed.
// 2. The rule check at scale: call_records grown to 10,000,000 rows (COPY, spread over 60
//    days, over the agency's cases and other agencies' debtors), analyzed, then the
//    verdict of 2,000 stored records (verdictAt, in-process, as the check job calls it)
//    beside the cheapest form of its main lookup (the debtor's outbound calls of the last
//    50 hours, one indexed query); then the records of one day checked as the job checks a
//    batch (verdictsAt, 500 records' past read at once), in records per second.
//
// Prints figures and their goals; asserts nothing. The database is recreated and dropped
// at the end (BENCH_KEEP_DATABASE=1 keeps it).
//
//   npm run bench:calls
//   BENCH_DATABASE_URL=postgres://…/daylight_calls  BENCH_LOAD_PORT=3300  BENCH_SKIP_BUILD=1 (reuse .next)
//   BENCH_CALL_CASES=20000  BENCH_CALL_RECORDS=1000000  BENCH_CALL_CLIENTS=3  BENCH_CALL_TOTAL=10000000
//   BENCH_CALL_VERDICTS=2000  BENCH_CALL_DRAIN_SECONDS=180 (the longest wait for the checks to drain; past it the
//   rate so far and the time all would take are printed)
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { openPostgres } from '../db/client';
import { sampleCaseRow } from '../db/seed/case-file';
import { DEMO_PASSWORD } from '../db/seed/demo';
import { makeUser } from '../db/seed/factories';
import { hashPassword } from '../server/auth/password';
import { CHECK_CHUNK, workCasesFor } from '../server/domain/calls/check';
import { CALL_CHECK_JOB } from '../server/domain/calls/ingest';
import { sealPhone } from '../server/domain/cases/seal';
import { activeRules, verdictAt, verdictsAt } from '../server/domain/work/rules';
import { time } from './shared';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number`);
  return v;
};

const CASES = num('BENCH_CALL_CASES', 20_000);
const RECORDS = num('BENCH_CALL_RECORDS', 1_000_000);
const BATCH = 10_000;
const CLIENTS = num('BENCH_CALL_CLIENTS', 3);
const TOTAL = num('BENCH_CALL_TOTAL', 10_000_000);
const VERDICTS = num('BENCH_CALL_VERDICTS', 2_000);
const DRAIN_SECONDS = num('BENCH_CALL_DRAIN_SECONDS', 180);
/** Debtors of other agencies the grown table spreads over (beside the agency's own cases). */
const OTHER_DEBTORS = 300_000;
/** Of the rows the table grows by, the share on the agency's own cases. */
const OWN_SHARE = 0.3;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

console.log('call records benchmark');
if (process.env.BENCH_DATABASE_URL === 'none') {
  console.log('skipped: it runs on PostgreSQL only (BENCH_DATABASE_URL=none)');
  process.exit(0);
}
process.env.BENCH_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/daylight_calls';
// The run's world (bench/load/prepare.ts): CASES cases of one creditor commissioned to one agency.
process.env.BENCH_LOAD_CASES = String(CASES);
process.env.BENCH_LOAD_USERS ??= '20';
const { APP_URL, applyRunEnv, CONFIG } = await import('./load/config');
const { signIn, trpcMutation } = await import('./load/http');
const { dropDatabase, prepareDatabase } = await import('./load/prepare');
const { buildApp, startApp, startJobWorker } = await import('./load/processes');

// ---------------------------------------------------------------------------------------
// Deterministic records: record i is the same in the API body and in the COPY rows.

/** A stable pseudo-random number in [0, 1) for (i, k). */
const rnd = (i: number, k: number) => {
  let x = (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca77)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
};

type BenchCase = {
  id: string;
  idNumberIdx: string;
  collectorId: string;
  collectorEmail: string;
  /** Plain numbers: the debtor's (one or two) and contact 1's, as the creditor's file had them. */
  debtor: string[];
  contact: string;
  /** Their blind indexes, as stored on the case. */
  debtorIdx: string[];
  contactIdx: string;
};

type World = {
  agencyId: string;
  creditorId: string;
  commissionId: string;
  adminId: string;
  cases: BenchCase[];
  /** Other agencies (of the demo data) and a user of each, for the rows of other debtors. */
  others: { agencyId: string; userId: string }[];
};

type Spec = {
  id: string;
  kind: 'call' | 'sms';
  direction: 'outbound' | 'inbound';
  line: string;
  party: string;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationS: number;
  disposition: string;
  agent: string | null;
  agentId: string | null;
  text: string | null;
  transcript: string | null;
  match: { c: BenchCase; target: 'debtor' | 'contact'; partyNo: number } | null;
};

const TRANSCRIPT =
  '您好，我是某某资产管理有限公司的工作人员，工号A023，受委托方委托与您联系，关于您在消费金融公司的借款已逾期，请问您方便核实一下还款安排吗？好的，我们记下了您下周五还款的承诺。';
const TEXT = '【某某资产管理】尊敬的客户，您的借款已逾期，请尽快与我们联系，客服电话021-61234567。';

/** Midnight of today in Beijing, as an instant. */
const beijingMidnight = Math.floor((Date.now() + 8 * HOUR_MS) / DAY_MS) * DAY_MS - 8 * HOUR_MS;

/**
 * Record i of the ingest: nine in ten to a number of one of the agency's cases (the
 * debtor's first or second number, or contact 1), one in ten to a stranger; mostly outbound
 * calls, some inbound, some messages; made by the case's collector in the last ten days,
 * 08:00 to 21:00 Beijing.
 */
const specOf = (w: World, i: number): Spec => {
  const kind = rnd(i, 1) < 0.1 ? 'sms' : 'call';
  const direction = kind === 'call' && rnd(i, 2) < 0.05 ? 'inbound' : 'outbound';
  const c = w.cases[Math.floor(rnd(i, 3) * w.cases.length)] ?? w.cases[0];
  if (!c) throw new Error('no cases');
  const pick = rnd(i, 4);
  const match: Spec['match'] =
    pick < 0.1
      ? null
      : pick < 0.75
        ? { c, target: 'debtor', partyNo: 0 }
        : pick < 0.85 && c.debtor.length > 1
          ? { c, target: 'debtor', partyNo: 1 }
          : { c, target: 'contact', partyNo: 1 };
  const party = !match
    ? `135${String(Math.floor(rnd(i, 5) * 1e8)).padStart(8, '0')}`
    : match.target === 'debtor'
      ? (c.debtor[match.partyNo] ?? '')
      : c.contact;
  const day = 1 + Math.floor(rnd(i, 6) * 10);
  const startedAt = new Date(beijingMidnight - day * DAY_MS + 8 * HOUR_MS + Math.floor(rnd(i, 7) * 13 * HOUR_MS));
  const d = rnd(i, 8);
  const disposition =
    kind === 'sms'
      ? d < 0.97
        ? 'delivered'
        : 'failed'
      : d < 0.35
        ? 'answered'
        : d < 0.8
          ? 'no_answer'
          : d < 0.9
            ? 'busy'
            : d < 0.96
              ? 'rejected'
              : 'failed';
  const answered = disposition === 'answered';
  const durationS = answered ? 20 + Math.floor(rnd(i, 9) * 400) : 0;
  const answeredAt = answered ? new Date(startedAt.getTime() + 8_000) : null;
  const endedAt =
    kind === 'sms' ? null : new Date((answeredAt ?? startedAt).getTime() + (answered ? durationS * 1000 : 30_000));
  return {
    id: `CDR-${String(i).padStart(9, '0')}`,
    kind,
    direction,
    line: `021-6123${String(i % 10_000).padStart(4, '0')}`,
    party,
    startedAt,
    answeredAt,
    endedAt,
    durationS,
    disposition,
    agent: c.collectorEmail,
    agentId: c.collectorId,
    text: kind === 'sms' ? TEXT : null,
    transcript: answered && rnd(i, 10) < 0.2 ? TRANSCRIPT : null,
    match,
  };
};

/** Record i as the dialer sends it over the API. */
const itemOf = (s: Spec) => ({
  id: s.id,
  kind: s.kind,
  direction: s.direction,
  line: s.line,
  party: s.party,
  startedAt: s.startedAt.toISOString(),
  ...(s.answeredAt ? { answeredAt: s.answeredAt.toISOString() } : {}),
  ...(s.endedAt ? { endedAt: s.endedAt.toISOString() } : {}),
  ...(s.kind === 'call' ? { durationS: s.durationS } : {}),
  disposition: s.disposition,
  ...(s.agent ? { agent: s.agent } : {}),
  ...(s.text ? { text: s.text } : {}),
  ...(s.transcript ? { transcript: s.transcript } : {}),
});

// ---------------------------------------------------------------------------------------
// COPY text (PostgreSQL's text format: tab-separated, \N for null).

const COPY_COLUMNS = [
  'agency_id',
  'batch_id',
  'external_id',
  'kind',
  'direction',
  'line_no',
  'party_enc',
  'party_idx',
  'party_masked',
  'started_at',
  'answered_at',
  'ended_at',
  'duration_s',
  'disposition',
  'agent_ref',
  'agent_id',
  'body',
  'transcript',
  'case_id',
  'creditor_id',
  'commission_id',
  'target',
  'party_no',
  'debtor_idx',
] as const;

const field = (v: string | number | Date | null | undefined) =>
  v === null || v === undefined
    ? '\\N'
    : v instanceof Date
      ? v.toISOString()
      : typeof v === 'number'
        ? String(v)
        : v.replace(/[\\\t\n\r]/g, (ch) => (ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r'));

const line = (values: readonly (string | number | Date | null | undefined)[]) => `${values.map(field).join('\t')}\n`;

/** Record i as stored: sealed here (outside any timing), matched as ingest matches it. */
const copyLineOf = (w: World, s: Spec, batchId: string) => {
  const sealed = sealPhone(s.party);
  const m = s.match;
  return line([
    w.agencyId,
    batchId,
    s.id,
    s.kind,
    s.direction,
    s.line,
    sealed.enc,
    sealed.idx,
    sealed.masked,
    s.startedAt,
    s.answeredAt,
    s.endedAt,
    s.durationS,
    s.disposition,
    s.agent,
    s.agentId,
    s.text,
    s.transcript,
    m?.c.id,
    m ? w.creditorId : null,
    m ? w.commissionId : null,
    m?.target,
    m?.partyNo,
    m?.c.idNumberIdx,
  ]);
};

const copyInto = async (sql: postgres.Sql, table: string, chunks: Iterable<string> | AsyncIterable<string>) => {
  const writable = await sql.unsafe(`copy ${table} (${COPY_COLUMNS.join(', ')}) from stdin`).writable();
  await pipeline(Readable.from(chunks), writable);
};

// ---------------------------------------------------------------------------------------
// Figures.

const rows: [string, string, string][] = [];
const figure = (label: string, value: string, note = '') => {
  rows.push([label, value, note]);
  console.log(`  ${label.padEnd(58)} ${value.padStart(16)}  ${note}`);
};
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
};
const fmt = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------
// The run.

applyRunEnv();
const runStarted = performance.now();
const [built, buildMs] = await time(buildApp);
console.log(
  built ? `production build in ${(buildMs / 1000).toFixed(0)} s` : 'production build reused (BENCH_SKIP_BUILD=1)',
);
const [{ handle, world: loadWorld }, seedMs] = await time(prepareDatabase);
const raw = postgres(CONFIG.databaseUrl, { max: 4, onnotice: () => undefined });

const loadBenchWorld = async (): Promise<World> => {
  const collectorIds = loadWorld.collectors.map((c) => c.id);
  const [head] = await raw<{ agency_id: string; creditor_id: string; commission_id: string }[]>`
    select c.agency_id, c.creditor_id, c.commission_id from cases c where c.collector_id = ${collectorIds[0] ?? ''} limit 1`;
  if (!head) throw new Error('the load world has no cases');
  const admin = await makeUser(handle.db, {
    orgId: head.agency_id,
    role: 'admin',
    name: '话单管理员',
    email: 'calls-admin@load.example.cn',
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  const emailOf = new Map(loadWorld.collectors.map((c) => [c.id, c.email]));
  const stored = await raw<
    {
      id: string;
      contract_no: string;
      id_number_idx: string;
      collector_id: string;
      debtor: string[];
      contact: string;
    }[]
  >`
    select id, contract_no, id_number_idx, collector_id,
      array(select p->>'idx' from jsonb_array_elements(phones) p) as debtor, contacts->0->'phone'->>'idx' as contact
    from cases where commission_id = ${head.commission_id} order by contract_no`;
  const cases = stored.map((r): BenchCase => {
    const file = sampleCaseRow(Number(r.contract_no.slice(2)), 'LD');
    return {
      id: r.id,
      idNumberIdx: r.id_number_idx,
      collectorId: r.collector_id,
      collectorEmail: emailOf.get(r.collector_id) ?? '',
      debtor: (file[3] ?? '').split(';'),
      contact: file[15] ?? '',
      debtorIdx: r.debtor,
      contactIdx: r.contact,
    };
  });
  const others = await raw<{ agency_id: string; user_id: string }[]>`
    select o.id as agency_id, (select u.id from users u where u.org_id = o.id order by u.created_at limit 1) as user_id
    from organizations o where o.type = 'agency' and o.id <> ${head.agency_id}
      and exists (select 1 from users u where u.org_id = o.id)`;
  return {
    agencyId: head.agency_id,
    creditorId: head.creditor_id,
    commissionId: head.commission_id,
    adminId: admin.id,
    cases,
    others: others.map((o) => ({ agencyId: o.agency_id, userId: o.user_id })),
  };
};

const w = await loadBenchWorld();
console.log(
  `database ${new URL(CONFIG.databaseUrl).pathname.slice(1)}: demo data and ${fmt(w.cases.length)} cases of one agency in ${(seedMs / 1000).toFixed(0)} s`,
);

const countOf = async (query: postgres.PendingQuery<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);

// 1. Ingest over the API --------------------------------------------------------------
const batches = Math.ceil(RECORDS / BATCH);
const [bodies, bodiesMs] = await time(async () =>
  Array.from({ length: batches }, (_, b) =>
    JSON.stringify({
      items: Array.from({ length: Math.min(BATCH, RECORDS - b * BATCH) }, (_, j) => itemOf(specOf(w, b * BATCH + j))),
    }),
  ),
);
const bodyBytes = bodies.reduce((n, b) => n + b.length, 0);
console.log(
  `${fmt(RECORDS)} records in ${batches} batches written (${(bodyBytes / 1e6).toFixed(0)} MB of JSON) in ${(bodiesMs / 1000).toFixed(1)} s, outside the timing`,
);

const app = await startApp({ DAYLIGHT_SCHEDULER: 'off' });
let ingestMs: number;
let matched = 0;
let stored = 0;
const batchMs: number[] = [];
try {
  await sleep(3000);
  const cookie = await signIn('calls-admin@load.example.cn');
  const made = await trpcMutation<{ secret: string }>(cookie, 'apiKeys.create', {
    name: '呼叫中心话单',
    scopes: ['calls:write'],
    rateLimit: 6000,
  });
  const key = made.data?.secret ?? '';
  if (!key) throw new Error(`no key: ${made.raw.slice(0, 300)}`);
  const send = async (body: string) => {
    const t0 = performance.now();
    const res = await fetch(`${APP_URL}/api/v1/agency/calls/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
    });
    const answer = (await res.json()) as { stored?: number; matched?: number };
    if (res.status !== 201) throw new Error(`batch answered ${res.status}: ${JSON.stringify(answer).slice(0, 400)}`);
    batchMs.push(performance.now() - t0);
    return answer;
  };
  // The route's first call compiles and warms it: a small batch of other ids (kept, as any batch).
  await send(
    JSON.stringify({
      items: [{ ...itemOf(specOf(w, 0)), id: 'WARM-1' }],
    }),
  );
  batchMs.length = 0;
  let next = 0;
  [, ingestMs] = await time(() =>
    Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < bodies.length) {
          const body = bodies[next] ?? '';
          next += 1;
          const answer = await send(body);
          stored += answer.stored ?? 0;
          matched += answer.matched ?? 0;
        }
      }),
    ),
  );
} finally {
  await app.stop();
}
bodies.length = 0;
const checksQueued = await countOf(
  raw`select count(*)::int as n from jobs where kind = ${CALL_CHECK_JOB} and status in ('queued', 'running')`,
);
const toCheck = await countOf(
  raw`select count(*)::int as n from call_records where agency_id = ${w.agencyId} and case_id is not null and direction = 'outbound'`,
);

// The raw baseline: the same rows, sealed beforehand, one COPY into a copy of the table with its indexes.
await raw.unsafe('create table call_records_copy (like call_records including all)');
const [copyText, sealMs] = await time(async () => {
  const chunks: string[] = [];
  for (let b = 0; b < batches; b += 1) {
    const batchId = randomUUID();
    let text = '';
    for (let i = b * BATCH; i < Math.min(RECORDS, (b + 1) * BATCH); i += 1)
      text += copyLineOf(w, specOf(w, i), batchId);
    chunks.push(text);
  }
  return chunks;
});
const [, copyMs] = await time(() => copyInto(raw, 'call_records_copy', copyText));
copyText.length = 0;
const copied = await countOf(raw`select count(*)::int as n from call_records_copy`);
await raw.unsafe('drop table call_records_copy');

// The checks the batches queued, drained by the worker alone.
const worker = await startJobWorker();
let drainMs: number;
let drained = false;
try {
  const t0 = performance.now();
  for (;;) {
    await sleep(1000);
    const pending = await countOf(
      raw`select count(*)::int as n from jobs where kind = ${CALL_CHECK_JOB} and status in ('queued', 'running')`,
    );
    drainMs = performance.now() - t0;
    if (pending === 0) {
      drained = true;
      break;
    }
    if (drainMs > DRAIN_SECONDS * 1000) break;
  }
} finally {
  await worker.stop();
}
const checked = await countOf(raw`select count(*)::int as n from call_checks`);

console.log(`\ningest over the API (${CLIENTS} concurrent clients, batches of ${fmt(BATCH)}, until answered 201):`);
const apiRate = perSecond(stored, ingestMs);
const copyRate = perSecond(copied, copyMs);
figure(
  `API: ${fmt(stored)} stored (${fmt(matched)} matched)`,
  `${fmt(apiRate)} rows/s`,
  `${(ingestMs / 1000).toFixed(1)} s; batch p50 ${(pct(batchMs, 0.5) / 1000).toFixed(2)} s, p95 ${(pct(batchMs, 0.95) / 1000).toFixed(2)} s`,
);
figure(
  `raw COPY of the same rows into LIKE call_records`,
  `${fmt(copyRate)} rows/s`,
  `${(copyMs / 1000).toFixed(1)} s (sealing beforehand ${(sealMs / 1000).toFixed(1)} s, untimed)`,
);
figure('API / COPY', `${((apiRate / copyRate) * 100).toFixed(0)} %`, 'goal ≥ 33 %');
figure(
  `rule checks drained by the worker (${fmt(checksQueued)} jobs)`,
  `${fmt(perSecond(checked, drainMs))} records/s`,
  drained
    ? `${fmt(checked)} of ${fmt(toCheck)} matched outbound records in ${(drainMs / 1000).toFixed(0)} s`
    : `stopped after ${(drainMs / 1000).toFixed(0)} s with ${fmt(checked)} of ${fmt(toCheck)} checked` +
        (checked > 0 ? `: all would take ~${(toCheck / (checked / (drainMs / 1000)) / 60).toFixed(0)} min` : ''),
);

// 2. The rule check with the table grown ----------------------------------------------
const have = await countOf(raw`select count(*)::int as n from call_records`);
const extra = Math.max(0, TOTAL - have);
const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const sampleEnc = sealPhone('13800000000').enc;
const [growBatches] = await raw<{ id: string }[]>`
  insert into call_batches (agency_id, source, received, stored, duplicates, matched, unmatched, created_by)
  values (${w.agencyId}, 'file', ${extra}, ${extra}, 0, 0, 0, ${w.adminId}) returning id`;
const otherBatches = await Promise.all(
  w.others.map(async (o) => {
    const [b] = await raw<{ id: string }[]>`
      insert into call_batches (agency_id, source, received, stored, duplicates, matched, unmatched, created_by)
      values (${o.agencyId}, 'file', 0, 0, 0, 0, 0, ${o.userId}) returning id`;
    return { ...o, batchId: b?.id ?? '' };
  }),
);
const otherDebtors = Array.from({ length: OTHER_DEBTORS }, (_, n) => ({
  idx: hex(`debtor-${n}`),
  phones: [hex(`phone-${n}-0`), hex(`phone-${n}-1`)],
}));

/** The grown rows, oldest first (as dialers deliver them), over 60 days up to an hour ago. */
async function* grownRows(): AsyncGenerator<string> {
  const from = Date.now() - 60 * DAY_MS;
  const step = (60 * DAY_MS - HOUR_MS) / Math.max(1, extra);
  let text = '';
  for (let n = 0; n < extra; n += 1) {
    const at = new Date(from + n * step);
    const i = RECORDS + n;
    const answered = rnd(i, 8) < 0.35;
    const duration = answered ? 20 + Math.floor(rnd(i, 9) * 400) : 0;
    const ended = new Date(at.getTime() + (answered ? 8_000 + duration * 1000 : 30_000));
    const outbound = rnd(i, 2) >= 0.05;
    if (rnd(i, 3) < OWN_SHARE) {
      const c = w.cases[Math.floor(rnd(i, 4) * w.cases.length)] ?? w.cases[0];
      if (!c) throw new Error('no cases');
      const contact = rnd(i, 5) < 0.2;
      const partyNo = contact ? 1 : Math.floor(rnd(i, 6) * c.debtorIdx.length);
      text += line([
        w.agencyId,
        growBatches?.id,
        `G-${String(n).padStart(9, '0')}`,
        'call',
        outbound ? 'outbound' : 'inbound',
        '021-61234567',
        sampleEnc,
        contact ? c.contactIdx : c.debtorIdx[partyNo],
        '138****0000',
        at,
        answered ? new Date(at.getTime() + 8_000) : null,
        ended,
        duration,
        answered ? 'answered' : 'no_answer',
        c.collectorEmail,
        c.collectorId,
        null,
        null,
        c.id,
        w.creditorId,
        w.commissionId,
        contact ? 'contact' : 'debtor',
        partyNo,
        c.idNumberIdx,
      ]);
    } else {
      const o = otherBatches[Math.floor(rnd(i, 4) * otherBatches.length)];
      const d = otherDebtors[Math.floor(rnd(i, 5) * OTHER_DEBTORS)];
      if (!o || !d) throw new Error('no other agencies');
      text += line([
        o.agencyId,
        o.batchId,
        `G-${String(n).padStart(9, '0')}`,
        'call',
        outbound ? 'outbound' : 'inbound',
        '010-81234567',
        sampleEnc,
        d.phones[rnd(i, 6) < 0.7 ? 0 : 1],
        '139****0000',
        at,
        answered ? new Date(at.getTime() + 8_000) : null,
        ended,
        duration,
        answered ? 'answered' : 'no_answer',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        d.idx,
      ]);
    }
    if ((n + 1) % 10_000 === 0) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

console.log(`\ngrowing call_records from ${fmt(have)} to ${fmt(have + extra)} rows (COPY, every index in place)…`);
const [, growMs] = await time(() => copyInto(raw, 'call_records', grownRows()));
const [, analyzeMs] = await time(() => raw.unsafe('analyze call_records'));
const [size] = await raw<{ table: string; indexes: string }[]>`
  select pg_size_pretty(pg_table_size('call_records')) as table, pg_size_pretty(pg_indexes_size('call_records')) as indexes`;
figure(
  `grown by ${fmt(extra)} rows (COPY), then ANALYZE`,
  `${fmt(perSecond(extra, growMs))} rows/s`,
  `${(growMs / 1000).toFixed(0)} s + ${(analyzeMs / 1000).toFixed(0)} s; table ${size?.table}, indexes ${size?.indexes}`,
);

// The verdict of stored records, one at a time, as the check job makes it.
const sample = await raw<
  {
    id: string;
    case_id: string;
    commission_id: string;
    kind: 'call' | 'sms';
    target: 'debtor' | 'contact';
    party_idx: string;
    debtor_idx: string;
    started_at: Date;
    transcript: string | null;
    body: string | null;
  }[]
>`
  select id, case_id, commission_id, kind, target, party_idx, debtor_idx, started_at, transcript, body
  from call_records
  where agency_id = ${w.agencyId} and case_id is not null and direction = 'outbound'
  order by random() limit ${VERDICTS}`;
// A pool the size of the worker's (openPostgres's default): verdictAt runs its lookups side by side.
const jobDb = openPostgres(CONFIG.databaseUrl);
const rules = await activeRules(jobDb.db);
const workCases = await workCasesFor(
  jobDb.db,
  sample.map((r) => ({ caseId: r.case_id, commissionId: r.commission_id })),
);
const verdictMs: number[] = [];
const rawMs: number[] = [];
// Warm both paths (connections, prepared statements) on the first records.
for (const [round, list] of [
  ['warm', sample.slice(0, 20)],
  ['measured', sample],
] as const) {
  for (const r of list) {
    const wc = workCases.get(`${r.case_id}:${r.commission_id}`);
    if (!wc) throw new Error(`no work case for ${r.case_id}`);
    const [, a] = await time(() =>
      verdictAt(
        jobDb.db,
        wc,
        {
          channel: r.kind,
          target: r.target,
          number: { idx: r.party_idx },
          note: r.transcript ?? r.body ?? undefined,
          recordId: r.id,
        },
        r.started_at,
        rules,
      ),
    );
    const since = new Date(r.started_at.getTime() - 50 * HOUR_MS);
    const [, b] = await time(
      () => raw`
        select id, started_at, ended_at, target, party_idx, disposition from call_records
        where debtor_idx = ${r.debtor_idx} and kind = 'call' and direction = 'outbound'
          and started_at >= ${since} and started_at < ${r.started_at}`,
    );
    if (round === 'measured') {
      verdictMs.push(a);
      rawMs.push(b);
    }
  }
}
const total = await countOf(raw`select count(*)::int as n from call_records`);
console.log(
  `\nthe rule check of ${fmt(verdictMs.length)} stored records, one at a time, ${fmt(total)} records stored:`,
);
figure(
  'verdictAt (the check job\u2019s verdict) p50 / p95 / p99',
  `${pct(verdictMs, 0.5).toFixed(1)} / ${pct(verdictMs, 0.95).toFixed(1)} / ${pct(verdictMs, 0.99).toFixed(1)} ms`,
  'goal p95 < 20 ms',
);
figure(
  'raw: the debtor\u2019s outbound calls of the last 50 h p50 / p95 / p99',
  `${pct(rawMs, 0.5).toFixed(1)} / ${pct(rawMs, 0.95).toFixed(1)} / ${pct(rawMs, 0.99).toFixed(1)} ms`,
  `one indexed query; verdict / raw p95 ${(pct(verdictMs, 0.95) / pct(rawMs, 0.95)).toFixed(1)}x`,
);

// A day's records checked as the job checks a batch: in chunks, each chunk's past read at once.
const [day] = await raw<{ d: Date }[]>`
  select date_trunc('day', started_at) as d from call_records
  where agency_id = ${w.agencyId} and case_id is not null and direction = 'outbound'
  order by random() limit 1`;
const dayRecords = day
  ? await raw<typeof sample>`
      select id, case_id, commission_id, kind, target, party_idx, debtor_idx, started_at, transcript, body
      from call_records
      where agency_id = ${w.agencyId} and case_id is not null and direction = 'outbound'
        and started_at >= ${day.d} and started_at < ${new Date(day.d.getTime() + DAY_MS)}
      order by started_at, id limit ${VERDICTS}`
  : [];
const dayCases = await workCasesFor(
  jobDb.db,
  dayRecords.map((r) => ({ caseId: r.case_id, commissionId: r.commission_id })),
);
const chunkMs: number[] = [];
for (let i = 0; i < dayRecords.length; i += CHECK_CHUNK) {
  const chunk = dayRecords.slice(i, i + CHECK_CHUNK);
  const [, ms] = await time(() =>
    verdictsAt(
      jobDb.db,
      chunk.map((r) => {
        const wc = dayCases.get(`${r.case_id}:${r.commission_id}`);
        if (!wc) throw new Error(`no work case for ${r.case_id}`);
        return {
          c: wc,
          contact: {
            channel: r.kind,
            target: r.target,
            number: { idx: r.party_idx },
            note: r.transcript ?? r.body ?? undefined,
            recordId: r.id,
          },
          now: r.started_at,
        };
      }),
      rules,
    ),
  );
  chunkMs.push(ms);
}
const batchedMs = chunkMs.reduce((a, b) => a + b, 0);
const singleMean = verdictMs.reduce((a, b) => a + b, 0) / Math.max(1, verdictMs.length);
figure(
  `verdictsAt: a day's ${fmt(dayRecords.length)} records in chunks of ${CHECK_CHUNK} (the check job)`,
  `${fmt(perSecond(dayRecords.length, batchedMs))} records/s`,
  `${(batchedMs / Math.max(1, dayRecords.length)).toFixed(2)} ms per record; one at a time ${singleMean.toFixed(1)} ms (${(singleMean / Math.max(0.001, batchedMs / Math.max(1, dayRecords.length))).toFixed(0)}x)`,
);

console.log(`\nsummary (run of ${((performance.now() - runStarted) / 60_000).toFixed(1)} min):`);
for (const [label, value, note] of rows) console.log(`  ${label.padEnd(58)} ${value.padStart(16)}  ${note}`);

await raw.end();
await jobDb.close();
await handle.close();
if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(CONFIG.databaseUrl);
