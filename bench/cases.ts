// Case, package and marketplace lists at scale: seeds a million cases for one creditor
// (placed, commissioned to an agency and assigned to collectors in realistic shares) and
// calls the list procedures through the tRPC caller, as a request would, with typical
// filters. Prints p50/p95 per procedure and a hand-written SQL baseline; asserts nothing.
//
//   npm run bench:cases
//   BENCH_CASES=1000000 BENCH_PGLITE_CASES=200000 BENCH_DATABASE_URL=postgres://… npm run bench:cases
//   BENCH_PGLITE_CASES=0 skips the embedded run; BENCH_DATABASE_URL=none the PostgreSQL one.
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../db/client';
import { makeOrg, makeUser } from '../db/seed/factories';
import { createCaller } from '../server/api/root';
import { createInnerContext } from '../server/api/context';
import { executeRows } from '../server/domain/shared/execute';
import { benchPostgresUrl, median, openBenchDb, p95, time } from './shared';

const PG_CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const PGLITE_CASES = Number(process.env.BENCH_PGLITE_CASES ?? 200_000);
const RUNS = 30;
const PACKAGES = 400;
const SEED_SLICE = 100_000;

const seed = async (db: Db, n: number) => {
  const creditor = await makeOrg(db, { type: 'creditor', name: '基准委托方' });
  const agency = await makeOrg(db, { type: 'agency', name: '基准处置机构' });
  await db.execute(sql`update organizations set tier = 'A' where id = ${agency.id}`);
  const manager = await makeUser(db, { orgId: creditor.id, role: 'manager', name: '经理', passwordHash: 'x' });
  const admin = await makeUser(db, { orgId: agency.id, role: 'admin', name: '管理员', passwordHash: 'x' });
  const collectors = [];
  for (let i = 0; i < 20; i += 1)
    collectors.push(await makeUser(db, { orgId: agency.id, role: 'collector', name: `催收员${i}`, passwordHash: 'x' }));
  const [file] = await executeRows<{ id: string }>(
    db,
    sql`insert into stored_files (org_id, uploaded_by, sha256, size, mime) values (${creditor.id}, ${manager.id}, ${'0'.repeat(64)}, 1, 'text/csv') returning id`,
  );
  const [imp] = await executeRows<{ id: string }>(
    db,
    sql`insert into case_imports (creditor_id, file_id, file_name, status, created_by) values (${creditor.id}, ${file?.id}, 'bench.csv', 'succeeded', ${manager.id}) returning id`,
  );
  const figures = JSON.stringify({
    caseCount: 2500,
    totalOverdue: 1,
    totalPrincipal: 1,
    avgDaysOverdue: 90,
    byBucket: { '1': { count: 1, amount: 1 } },
    byProvince: { '44': { count: 1, amount: 1 } },
  });
  await db.execute(sql`
    insert into packages (creditor_id, name, status, source, figures, closes_at, opened_at, created_by, commission_start, commission_end, reserve_fee_bp, expected_recovery_bp, allowed_channels, created_at)
    select ${creditor.id}, '基准包' || g, (array['draft','open','closed','awarded'])[1 + g % 4]::package_status, '{"kind":"filter"}'::jsonb, ${figures}::jsonb,
           now() + (g || ' hours')::interval, now() - interval '1 day', ${manager.id}, current_date + 10, current_date + 100, 3000, 1500, '{phone,sms}', now() - (g || ' minutes')::interval
    from generate_series(1, ${PACKAGES}) g`);
  const awarded = await executeRows<{ id: string }>(
    db,
    sql`select id from packages where status = 'awarded' order by id`,
  );
  const [commission] = await executeRows<{ id: string }>(
    db,
    sql`insert into commissions (package_id, creditor_id, agency_id, fee_bp, starts_on, ends_on, share, case_count, total_overdue)
        values (${awarded[0]?.id}, ${creditor.id}, ${agency.id}, 2500, current_date, current_date + 90, '{"kind":"all"}', 0, 0) returning id`,
  );
  const packageIds = sql.raw(`array(select id from packages order by id)`);
  const collectorIds = sql`array[${sql.join(
    collectors.map((c) => sql`${c.id}::uuid`),
    sql`, `,
  )}]`;
  // 60 % unplaced, 10 % in a package, 30 % commissioned (two thirds of those assigned).
  // In slices of 100,000 rows, each a statement well inside the connection's statement limit.
  for (let from = 1; from <= n; from += SEED_SLICE) {
    const to = Math.min(n, from + SEED_SLICE - 1);
    await db.execute(sql`
    insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
      loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since, province, city, product, status, package_id, agency_id, commission_id, collector_id, created_at)
    select ${creditor.id}, ${imp?.id}, 'B' || lpad(g::text, 9, '0'), '张三', 'v1:sealed', md5(g::text), '110***********1234',
      '[{"enc":"v1:sealed","idx":"x","masked":"138****0000"}]'::jsonb, '[]'::jsonb,
      1000000, 600000, 100000 + (g % 500) * 1000, current_date - (1 + g % 400), current_date - (1 + g % 400),
      (array['11','31','32','33','44','51','42','37'])[1 + (g / 7) % 8], '某市', (array['消费贷','现金贷','信用卡分期'])[1 + g % 3],
      (case when g % 10 < 6 then 'new' when g % 10 = 6 then 'new' when g % 10 = 7 then 'commissioned' else 'working' end)::case_status,
      case when g % 10 = 6 then (${packageIds})[1 + g % ${PACKAGES}] when g % 10 >= 7 then ${awarded[0]?.id}::uuid end,
      case when g % 10 >= 7 then ${agency.id}::uuid end,
      case when g % 10 >= 7 then ${commission?.id}::uuid end,
      case when g % 10 >= 8 then (${collectorIds})[1 + g % 20] end,
      now() - ((${n} - g) || ' seconds')::interval
    from generate_series(${from}::int, ${to}::int) g`);
  }
  await db.execute(sql`analyze`);
  return {
    creditor,
    agency,
    manager,
    admin,
    collector: collectors[0],
    packageId:
      (await executeRows<{ id: string }>(db, sql`select id from packages where status = 'draft' limit 1`))[0]?.id ?? '',
  };
};

const measure = async (handle: DbHandle, n: number) => {
  const { db } = handle;
  const [world, seedMs] = await time(() => seed(db, n));
  console.log(
    `\n${handle.kind}: ${n.toLocaleString()} cases seeded in ${(seedMs / 1000).toFixed(1)} s; ${RUNS} calls each`,
  );
  const callerFor = async (userId: string) =>
    createCaller(
      await createInnerContext({
        db,
        session: { userId, sessionVersion: 0 },
        locale: 'zh-CN',
        meta: { ip: null, userAgent: 'bench' },
      }),
    );
  const creditor = await callerFor(world.manager.id);
  const agency = await callerFor(world.admin.id);
  const collector = await callerFor(world.collector?.id ?? '');
  const deepCursor = await (async () => {
    let cursor: string | null = null;
    for (let i = 0; i < 20; i += 1) cursor = (await creditor.cases.list({ limit: 50, cursor })).nextCursor;
    return cursor;
  })();
  // Each call builds its context (the actor is read from the database) as a request does.
  const cases: [string, () => Promise<unknown>][] = [
    [
      'raw SQL: first page of the creditor’s cases',
      () =>
        executeRows(
          db,
          sql`select id, contract_no, debtor_name, id_number_masked, phones, amount_overdue, greatest(0, current_date - overdue_since) as days_overdue, least(12, (greatest(0, current_date - overdue_since) + 29) / 30) as bucket, province, status, created_at from cases where creditor_id = ${world.creditor.id} order by created_at desc, id desc limit 51`,
        ),
    ],
    ['cases.list first page', async () => (await callerFor(world.manager.id)).cases.list({ limit: 50 })],
    [
      'cases.list page 21 (cursor)',
      async () => (await callerFor(world.manager.id)).cases.list({ limit: 50, cursor: deepCursor }),
    ],
    [
      'cases.list status=new, bucket=M3',
      async () => (await callerFor(world.manager.id)).cases.list({ limit: 50, status: 'new', bucket: 3 }),
    ],
    [
      'cases.list province=44, bucket=M7',
      async () => (await callerFor(world.manager.id)).cases.list({ limit: 50, province: '44', bucket: 7 }),
    ],
    [
      'cases.list unplaced',
      async () => (await callerFor(world.manager.id)).cases.list({ limit: 50, isUnplaced: true }),
    ],
    [
      'cases.list one package',
      async () => (await callerFor(world.manager.id)).cases.list({ limit: 50, packageId: world.packageId }),
    ],
    [
      'cases.list contract number',
      async () => (await callerFor(world.manager.id)).cases.list({ limit: 50, contractNo: 'B000500000' }),
    ],
    [
      'cases.agency.list (agency admin)',
      async () => (await callerFor(world.admin.id)).cases.agency.list({ limit: 50 }),
    ],
    [
      'cases.agency.list unassigned',
      async () => (await callerFor(world.admin.id)).cases.agency.list({ limit: 50, isUnassigned: true }),
    ],
    [
      'cases.agency.list (collector)',
      async () => (await callerFor(world.collector?.id ?? '')).cases.agency.list({ limit: 50 }),
    ],
    ['packages.list', async () => (await callerFor(world.manager.id)).packages.list({ limit: 20 })],
    [
      'packages.list status=open',
      async () => (await callerFor(world.manager.id)).packages.list({ limit: 20, status: 'open' }),
    ],
    [
      'market.list closing soonest',
      async () => (await callerFor(world.admin.id)).market.list({ sort: 'closing', limit: 20 }),
    ],
  ];
  void creditor;
  void agency;
  void collector;
  const width = Math.max(...cases.map(([l]) => l.length));
  for (const [label, fn] of cases) {
    await fn();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) ms.push((await time(fn))[1]);
    console.log(
      `  ${label.padEnd(width)}  p50 ${median(ms).toFixed(1).padStart(6)} ms   p95 ${p95(ms).toFixed(1).padStart(6)} ms`,
    );
  }
};

console.log('case list benchmark');
if (PGLITE_CASES > 0) {
  const { handle, drop } = await openBenchDb(undefined);
  await handle.migrate();
  await measure(handle, PGLITE_CASES);
  await handle.close();
  await drop();
}
const url = benchPostgresUrl();
if (url) {
  const { handle, drop } = await openBenchDb(url);
  await handle.migrate();
  await measure(handle, PG_CASES);
  await handle.close();
  await drop();
}
