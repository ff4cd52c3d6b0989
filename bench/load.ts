// Load and faults over HTTP on the production build with PostgreSQL. Seeds the demo data
// and one creditor with 100,000 cases commissioned to one agency and spread over its 20
// collectors, starts the app server (`npm start`), signs users in through next-auth, then drives with
// autocannon, one connection per signed-in user: the creditor's case list, the collector's
// queue, the rule check before dialling and logging a call. Beside it, a bare node:http
// handler runs the list's own domain function on the same database: the app should reach
// at least half its rate, with no 5xx. Then the faults (bench/load/faults.ts): the app's
// database backends are terminated mid-import and mid-award while the list is read.
// Prints a table and PASS/FAIL per check; exits 1 when a check fails.
//
//   npm run bench:load                  load, then faults
//   npm run bench:load -- --faults      faults only;  -- --no-faults  load only
//   BENCH_DATABASE_URL=postgres://…/daylight_load (recreated, dropped at the end unless
//   BENCH_KEEP_DATABASE=1)  BENCH_SKIP_BUILD=1 (reuse .next)  BENCH_LOAD_USERS=20
//   BENCH_LOAD_LIST_ONLY=1 (the case list and its baseline only)  BENCH_LOAD_SECONDS=12  BENCH_LOAD_CASES=100000  BENCH_FAULT_IMPORT_ROWS=3000
//   BENCH_LOAD_PORT=3300  BENCH_RAW_PORT=3301
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { applyRunEnv, APP_URL, CONFIG, RAW_URL } from './load/config';
import { measure, type Stats, type Target } from './load/drive';
import { canContact, caseList, collectorQueue, logCall } from './load/endpoints';
import { runFaults, type Check } from './load/faults';
import { signInAll } from './load/http';
import { dropDatabase, prepareDatabase } from './load/prepare';
import { buildApp, startApp, startRaw } from './load/processes';
import { printChecks, printLoadTable } from './load/report';
import { time } from './shared';

const args = new Set(process.argv.slice(2));
const doLoad = !args.has('--faults');
const doFaults = !args.has('--no-faults');

/** Waits until the app's queue has nothing due (the jobs a fresh instance runs at start), so they do not weigh on the figures. */
const settleQueue = async () => {
  const sql = postgres(CONFIG.databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await sleep(7000);
    for (let i = 0; i < 240; i += 1) {
      const [row] = await sql<
        { n: number }[]
      >`select count(*)::int as n from jobs where status = 'running' or (status = 'queued' and run_at <= now())`;
      if (!row?.n) return;
      await sleep(500);
    }
  } finally {
    await sql.end();
  }
};

const runLoad = async (
  appPgid: number | undefined,
  managerCookies: string[],
  collectorCookies: string[],
  casesOf: string[][],
  rawUserId: string,
) => {
  const seconds = CONFIG.seconds;
  const warmup = CONFIG.warmupSeconds;
  const rows: { stats: Stats; users: number }[] = [];
  const run = async (target: Target) => {
    const stats = await measure(target, seconds, warmup);
    rows.push({ stats, users: target.cookies.length });
    console.log(`  measured ${target.label}: ${stats.rps.toFixed(1)} req/s`);
    return stats;
  };
  const raw = await startRaw(rawUserId);
  let rawStats: Stats;
  let listQueryStats: Stats;
  try {
    const rawTarget = (label: string, path: string): Target => ({
      label,
      baseUrl: RAW_URL,
      serverPgid: raw.child.pid,
      cookies: managerCookies.map(() => ''),
      request: () => ({ method: 'GET', path }),
    });
    listQueryStats = await run(rawTarget('raw handler: list statement only', '/cases'));
    rawStats = await run(rawTarget('raw handler: same SQL (user + list)', '/cases/session'));
  } finally {
    await raw.stop();
  }
  const list = await run({
    label: 'cases.list (creditor)',
    baseUrl: APP_URL,
    serverPgid: appPgid,
    cookies: managerCookies,
    request: caseList,
  });
  if (CONFIG.listOnly) return finish(rows, list, rawStats, listQueryStats, seconds, warmup, managerCookies.length, 0);
  await run({
    label: 'work.queue (collector)',
    baseUrl: APP_URL,
    serverPgid: appPgid,
    cookies: collectorCookies,
    request: collectorQueue,
  });
  await run({
    label: 'work.canContact (collector)',
    baseUrl: APP_URL,
    serverPgid: appPgid,
    cookies: collectorCookies,
    request: (u) => canContact(casesOf[u] ?? []),
  });
  await run({
    label: 'work.logAction call (collector)',
    baseUrl: APP_URL,
    serverPgid: appPgid,
    cookies: collectorCookies,
    request: (u) => logCall(casesOf[u] ?? []),
  });
  return finish(rows, list, rawStats, listQueryStats, seconds, warmup, managerCookies.length, collectorCookies.length);
};

const finish = (
  rows: { stats: Stats; users: number }[],
  list: Stats,
  rawStats: Stats,
  listQueryStats: Stats,
  seconds: number,
  warmup: number,
  managers: number,
  collectors: number,
) => {
  console.log(
    `\n${CONFIG.cases.toLocaleString()} cases, ${managers} creditor users and ${collectors} collectors signed in; ${seconds} s per endpoint after ${warmup} s of warm-up\n`,
  );
  printLoadTable(rows);
  const ratio = list.rps / rawStats.rps;
  const fivexx = rows.reduce((n, r) => n + r.stats.failed + r.stats.errors, 0);
  const cpuRatio =
    list.cpuMsPerRequest && rawStats.cpuMsPerRequest ? rawStats.cpuMsPerRequest / list.cpuMsPerRequest : null;
  if (cpuRatio !== null)
    console.log(
      `\nserver CPU per case-list request, raw/app: ${(cpuRatio * 100).toFixed(0)}% (the same comparison, less moved by other work on the machine)`,
    );
  console.log(
    `\napp/raw on the case list: ${(ratio * 100).toFixed(0)}% of the raw handler running the same SQL (goal ≥ 50%); ${((list.rps / listQueryStats.rps) * 100).toFixed(0)}% of the list statement alone   5xx and connection errors under load: ${fivexx} (goal 0)`,
  );
  return { ratio, fivexx };
};

console.log('load and fault benchmark');
if (process.env.BENCH_DATABASE_URL === 'none') {
  console.log('skipped: it runs on PostgreSQL only (BENCH_DATABASE_URL=none)');
  process.exit(0);
}
applyRunEnv();
const [built, buildMs] = await time(buildApp);
console.log(
  built ? `production build in ${(buildMs / 1000).toFixed(0)} s` : 'production build reused (BENCH_SKIP_BUILD=1)',
);
const [{ handle, world }, seedMs] = await time(prepareDatabase);
await handle.close();
console.log(
  `database ${new URL(CONFIG.databaseUrl).pathname.slice(1)}: demo data and ${CONFIG.cases.toLocaleString()} cases in ${(seedMs / 1000).toFixed(0)} s`,
);

const app = await startApp();
let failed = false;
try {
  await settleQueue();
  const managerCookies = await signInAll(world.managers.map((m) => m.email));
  const collectorCookies = await signInAll(world.collectors.map((c) => c.email));
  console.log(`${managerCookies.length + collectorCookies.length} users signed in over HTTP`);
  if (doLoad) {
    const { ratio, fivexx } = await runLoad(
      app.child.pid,
      managerCookies,
      collectorCookies,
      world.casesOf,
      world.managers[0]?.id ?? '',
    );
    failed ||= ratio < 0.5 || fivexx > 0;
  }
  if (doFaults) {
    console.log('\nfaults: app backends terminated mid-import and mid-award while the case list is read');
    const checks: Check[] = await runFaults(managerCookies, app.log);
    printChecks(checks);
    failed ||= checks.some((c) => !c.pass);
  }
} finally {
  await app.stop();
  if (process.env.BENCH_KEEP_DATABASE !== '1') await dropDatabase(CONFIG.databaseUrl);
}
console.log(`\napp log: ${app.log}`);
if (failed) process.exitCode = 1;
