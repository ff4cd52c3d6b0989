// The public API over HTTP on the production build with PostgreSQL, beside the screens' own
// path in the same run: a 10,000-case batch placed through POST /api/v1/creditor/cases/batch
// (queued as an import, followed at the URL of its 202 answer) against the same number of
// rows uploaded as a case file and imported (files.upload + cases.imports.start, followed
// by cases.imports.get), both until the cases are written. Then the idempotent retry of the
// batch, a 1,000-case batch answered when written, and the per-call cost of a small
// authenticated read (key lookup, rate count, audit row) beside the same list read by a
// signed-in session. Prints figures; asserts nothing.
//
//   npm run bench:api
//   BENCH_DATABASE_URL=postgres://…/daylight_api (recreated, dropped at the end unless BENCH_KEEP_DATABASE=1)
//   BENCH_SKIP_BUILD=1 (reuse .next)  BENCH_API_ROWS=10000  BENCH_LOAD_CASES=100000 (cases already stored)
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleCaseRows, toCsv } from '../db/seed/case-file';
import { sampleItem } from '../server/testing/api';
import { applyRunEnv, APP_URL, CONFIG } from './load/config';
import { signIn, trpcMutation, trpcQuery, upload } from './load/http';
import { dropDatabase, prepareDatabase } from './load/prepare';
import { buildApp, startApp } from './load/processes';
import { median, p95, time } from './shared';

const ROWS = Number(process.env.BENCH_API_ROWS ?? 10_000);
const CREDITOR_ADMIN = 'admin@huaxin.demo.cn';

type ImportState = { status: string; rowsWritten: number; errorCount: number };

const waitImport = async (read: () => Promise<ImportState>): Promise<ImportState> => {
  for (;;) {
    const imp = await read();
    if (imp.status !== 'queued' && imp.status !== 'running') return imp;
    await sleep(100);
  }
};

const api = (key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${APP_URL}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

const fileImport = async (cookie: string, prefix: string) => {
  const csv = `\uFEFF${toCsv(sampleCaseRows(ROWS, prefix))}`;
  const [imp, ms] = await time(async () => {
    const file = await upload(cookie, new TextEncoder().encode(csv));
    const started = await trpcMutation<{ id: string }>(cookie, 'cases.imports.start', {
      fileId: file.data?.id,
      fileName: `${prefix}.csv`,
    });
    const id = started.data?.id ?? '';
    return waitImport(async () => {
      const got = await trpcQuery<ImportState>(cookie, 'cases.imports.get', { importId: id });
      if (!got.data) throw new Error(`import ${id}: ${got.raw.slice(0, 300)}`);
      return got.data;
    });
  });
  return { imp, ms, bytes: csv.length };
};

const apiBatch = async (key: string, prefix: string, count: number, idempotencyKey: string) => {
  const body = JSON.stringify({ items: Array.from({ length: count }, (_, i) => sampleItem(i, prefix)) });
  const [result, ms] = await time(async () => {
    const res = await api(key, 'POST', '/creditor/cases/batch', body, { 'idempotency-key': idempotencyKey });
    const answer = (await res.json()) as { import: { url: string } };
    if (res.status === 201) return { status: res.status, imp: { status: 'succeeded' } as ImportState, answer };
    if (res.status !== 202) throw new Error(`batch answered ${res.status}: ${JSON.stringify(answer).slice(0, 400)}`);
    const url = answer.import.url;
    const imp = await waitImport(
      async () => (await (await fetch(url, { headers: { authorization: `Bearer ${key}` } })).json()) as ImportState,
    );
    return { status: res.status, imp, answer };
  });
  return { ...result, ms, body };
};

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

console.log('public API benchmark');
if (process.env.BENCH_DATABASE_URL === 'none') {
  console.log('skipped: it runs on PostgreSQL only (BENCH_DATABASE_URL=none)');
  process.exit(0);
}
if (!process.env.BENCH_DATABASE_URL) process.env.BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/daylight_api';
applyRunEnv();
const [built, buildMs] = await time(buildApp);
console.log(
  built ? `production build in ${(buildMs / 1000).toFixed(0)} s` : 'production build reused (BENCH_SKIP_BUILD=1)',
);
const [{ handle }, seedMs] = await time(prepareDatabase);
await handle.close();
console.log(
  `database ${new URL(CONFIG.databaseUrl).pathname.slice(1)}: demo data and ${CONFIG.cases.toLocaleString()} cases in ${(seedMs / 1000).toFixed(0)} s`,
);
const app = await startApp();
try {
  await sleep(5000);
  const cookie = await signIn(CREDITOR_ADMIN);
  const made = await trpcMutation<{ secret: string }>(cookie, 'apiKeys.create', {
    name: 'bench',
    scopes: ['cases:read', 'cases:write'],
    rateLimit: 6000,
  });
  const key = made.data?.secret ?? '';
  if (!key) throw new Error(`no key: ${made.raw}`);

  // Warm both paths once (first compilation of each route), then alternate file and API twice.
  await fileImport(cookie, 'BWARMF');
  await apiBatch(key, 'BWARMA', 10, 'warm');
  const file: number[] = [];
  const viaApi: number[] = [];
  for (let round = 1; round <= 2; round += 1) {
    const f = await fileImport(cookie, `BFILE${round}`);
    if (f.imp.status !== 'succeeded') throw new Error(`file import ${f.imp.status}`);
    file.push(f.ms);
    const a = await apiBatch(key, `BAPI${round}`, ROWS, `bench-${round}`);
    if (a.imp.status !== 'succeeded') throw new Error(`batch import ${a.imp.status}`);
    viaApi.push(a.ms);
    console.log(
      `round ${round}: file ${(f.ms / 1000).toFixed(1)} s (${(f.bytes / 1e6).toFixed(1)} MB), API batch ${(a.ms / 1000).toFixed(1)} s (${(a.body.length / 1e6).toFixed(1)} MB, answered ${a.status})`,
    );
  }
  const fileMs = Math.min(...file);
  const apiMs = Math.min(...viaApi);
  console.log(`\n${ROWS.toLocaleString()} cases, best of 2, until written:`);
  console.log(`  case file upload + import   ${rate(ROWS, fileMs).toLocaleString().padStart(8)} rows/s`);
  console.log(`  API batch (202 + follow)    ${rate(ROWS, apiMs).toLocaleString().padStart(8)} rows/s`);
  console.log(`  API / file                  ${((fileMs / apiMs) * 100).toFixed(0).padStart(7)} %`);

  // The retry a loan system sends when its connection dropped: the same body and key get the first answer.
  const first = Array.from({ length: ROWS }, (_, i) => sampleItem(i, 'BAPI1'));
  const [replay, replayMs] = await time(async () => {
    const res = await api(key, 'POST', '/creditor/cases/batch', { items: first }, { 'idempotency-key': 'bench-1' });
    return { status: res.status, replayed: res.headers.get('idempotent-replayed') };
  });
  console.log(
    `  idempotent retry of round 1   answered ${replay.status} (replayed: ${replay.replayed}) in ${replayMs.toFixed(0)} ms, nothing placed twice`,
  );

  const small = await apiBatch(key, 'BSYNC', 1000, 'bench-sync');
  console.log(
    `  1,000-case batch             answered ${small.status} when written, ${(small.ms / 1000).toFixed(2)} s, ${rate(1000, small.ms).toLocaleString()} rows/s`,
  );

  // A small read, one call at a time: what a key costs per call (lookup, rate count, audit row) beside a session.
  const viaKey: number[] = [];
  const viaSession: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const [, a] = await time(async () => (await api(key, 'GET', '/creditor/cases?limit=20')).arrayBuffer());
    viaKey.push(a);
    const [, b] = await time(async () => trpcQuery(cookie, 'cases.list', { limit: 20 }));
    viaSession.push(b);
  }
  console.log('\ncase list, 20 rows, 200 calls one at a time:');
  console.log(`  GET /api/v1/creditor/cases   p50 ${median(viaKey).toFixed(1)} ms   p95 ${p95(viaKey).toFixed(1)} ms`);
  console.log(
    `  tRPC cases.list (session)    p50 ${median(viaSession).toFixed(1)} ms   p95 ${p95(viaSession).toFixed(1)} ms`,
  );
} finally {
  await app.stop();
  if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(CONFIG.databaseUrl);
}
