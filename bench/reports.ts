// Money at scale: one creditor with a million cases placed with 1,000 agencies, five
// million confirmed repayments over the last six months and their commission lines, three
// million collection actions (one in fifty flagged) and their promises. Prints p50/p95 of
// the dashboard and disclosure procedures through the tRPC caller (a raw SQL sum of the
// same money as the baseline), the time to draw up last month's statements for all 1,000
// agencies, and the rate of a background export of every case against a raw read of the
// same rows. Asserts nothing.
//
//   npm run bench:reports
//   BENCH_REPORT_CASES=1000000 BENCH_REPAYMENTS=5000000 BENCH_REPORT_ACTIONS=3000000 BENCH_AGENCIES=1000 BENCH_DATABASE_URL=postgres://… npm run bench:reports
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../db/client';
import { makeOrg, makeUser } from '../db/seed/factories';
import { createInnerContext } from '../server/api/context';
import { createCaller } from '../server/api/root';
import { loadUserActor } from '../server/domain/auth/load-actor';
import { generateStatements } from '../server/domain/money/statements';
import { runExport, startExport } from '../server/domain/exports/exports';
import { getBlobStore } from '../server/storage/store';
import { shanghaiMonth } from '../lib/months';
import { executeRows } from '../server/domain/shared/execute';
import { benchPostgresUrl, median, openBenchDb, p95, time } from './shared';

const CASES = Number(process.env.BENCH_REPORT_CASES ?? 1_000_000);
const REPAYMENTS = Number(process.env.BENCH_REPAYMENTS ?? 5_000_000);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 1_000);
const ACTIONS = Number(process.env.BENCH_REPORT_ACTIONS ?? 3_000_000);
const RUNS = 30;

const seed = async (db: Db) => {
  const creditor = await makeOrg(db, { type: 'creditor', name: '基准委托方' });
  const manager = await makeUser(db, { orgId: creditor.id, role: 'manager', name: '经理', passwordHash: 'x' });
  // The agencies, each with an admin, a package and a commission that began a year ago.
  await db.execute(sql`
    insert into organizations (type, name, credit_code, status, tier)
    select 'agency', '基准处置机构' || g, 'BENCH' || lpad(g::text, 13, '0'), 'active', 'A' from generate_series(1, ${AGENCIES}) g`);
  const agencies = await executeRows<{ id: string }>(
    db,
    sql`select id from organizations where type = 'agency' order by credit_code`,
  );
  await db.execute(sql`
    insert into users (org_id, role, name, email, password_hash)
    select id, 'admin', '管理员', 'admin-' || id || '@bench.cn', 'x' from organizations where type = 'agency'`);
  const [file] = await executeRows<{ id: string }>(
    db,
    sql`insert into stored_files (org_id, uploaded_by, sha256, size, mime) values (${creditor.id}, ${manager.id}, ${'0'.repeat(64)}, 1, 'text/csv') returning id`,
  );
  const [imp] = await executeRows<{ id: string }>(
    db,
    sql`insert into case_imports (creditor_id, file_id, file_name, status, created_by) values (${creditor.id}, ${file?.id}, 'bench.csv', 'succeeded', ${manager.id}) returning id`,
  );
  const figures = JSON.stringify({
    caseCount: 1000,
    totalOverdue: 1,
    totalPrincipal: 1,
    avgDaysOverdue: 90,
    byBucket: {},
    byProvince: {},
  });
  await db.execute(sql`
    insert into packages (creditor_id, name, status, source, figures, closes_at, opened_at, created_by, commission_start, commission_end, reserve_fee_bp, expected_recovery_bp, allowed_channels)
    select ${creditor.id}, '基准包' || g, 'awarded', '{"kind":"filter"}'::jsonb, ${figures}::jsonb, now() - interval '1 year', now() - interval '1 year', ${manager.id},
           current_date - 365, current_date + 365, 3000, 1500, '{phone,sms}'
    from generate_series(1, ${AGENCIES}) g`);
  await db.execute(sql`
    insert into commissions (package_id, creditor_id, agency_id, fee_bp, starts_on, ends_on, share, case_count, total_overdue)
    select p.id, ${creditor.id}, a.id, 2000 + (a.n % 10) * 100, current_date - 365, current_date + 365, '{"kind":"all"}', ${Math.floor(CASES / AGENCIES)}, ${Math.floor(CASES / AGENCIES)} * 150000
    from (select id, row_number() over (order by id) as n from packages) p
    join (select id, row_number() over (order by credit_code) as n from organizations where type = 'agency') a on a.n = p.n`);
  await db.execute(sql`
    insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
      loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since, status, package_id, agency_id, commission_id)
    select ${creditor.id}, ${imp?.id}, 'R' || lpad(g::text, 9, '0'), '张三', 'v1:sealed', md5(g::text), '110***********1234',
      '[{"enc":"v1:sealed","idx":"x","masked":"138****0000"}]'::jsonb, '[]'::jsonb, 1000000, 600000, 150000, current_date - 90, current_date - 90, 'working',
      c.package_id, c.agency_id, c.id
    from generate_series(1, ${CASES}) g
    join (select id, package_id, agency_id, row_number() over (order by id) - 1 as n from commissions) c on c.n = g % ${AGENCIES}`);
  // Confirmed repayments over the last six months, each with its commission line.
  await db.execute(sql`
    insert into repayments (case_id, creditor_id, agency_id, commission_id, source, amount, paid_on, channel, payer, reference, status, reported_by, decided_at)
    select c.id, c.creditor_id, c.agency_id, c.commission_id, 'agency', 1000 + (g % 97) * 100, current_date - (g % 180), 'bank_transfer', '本人', 'B' || g, 'confirmed', ${manager.id}, now()
    from generate_series(1, ${REPAYMENTS}) g
    join cases c on c.contract_no = 'R' || lpad((1 + g % ${CASES})::text, 9, '0')`);
  await db.execute(sql`
    insert into commission_lines (creditor_id, agency_id, commission_id, case_id, repayment_id, kind, base_amount, fee_bp, amount, earned_on)
    select r.creditor_id, r.agency_id, r.commission_id, r.case_id, r.id, 'earned', r.amount, m.fee_bp, (r.amount * m.fee_bp + 5000) / 10000, r.paid_on
    from repayments r join commissions m on m.id = r.commission_id`);
  await db.execute(sql`
    insert into money_monthly (creditor_id, agency_id, month, recovered, repayments, commission)
    select r.creditor_id, r.agency_id, to_char(r.paid_on, 'YYYY-MM'), sum(r.amount), count(*), sum(l.amount)
    from repayments r join commission_lines l on l.repayment_id = r.id group by 1, 2, 3`);
  await db.execute(sql`
    insert into commission_monthly (commission_id, creditor_id, month, recovered)
    select commission_id, creditor_id, to_char(paid_on, 'YYYY-MM'), sum(amount) from repayments group by 1, 2, 3`);
  // Collection actions over the last six months by each agency's admin; one in fifty flagged; promises from those that made one.
  await db.execute(sql`
    insert into case_actions (case_id, creditor_id, agency_id, commission_id, actor_id, debtor_idx, channel, target, phone_idx, phone_masked, outcome,
      promise_amount, promise_date, note, flags, rule_version, at)
    select c.id, c.creditor_id, c.agency_id, c.commission_id, u.id, 'debtor' || c.contract_no, 'call', 'debtor', 'phone' || c.contract_no, '138****0000',
      (array['answered','unanswered','unanswered','promise_to_pay'])[1 + g % 4]::action_outcome,
      case when g % 4 = 3 then 50000 end, case when g % 4 = 3 then current_date - (g % 180) + 3 end, '',
      case when g % 50 = 0 then '[{"rule":"forbiddenPhrase"}]'::jsonb else '[]'::jsonb end, 1,
      now() - ((g % 15552000) || ' seconds')::interval
    from generate_series(1, ${ACTIONS}) g
    join cases c on c.contract_no = 'R' || lpad((1 + g % ${CASES})::text, 9, '0')
    join users u on u.org_id = c.agency_id`);
  await db.execute(sql`
    insert into promises (case_id, action_id, agency_id, creditor_id, amount, due_date, status)
    select case_id, id, agency_id, creditor_id, promise_amount, promise_date,
      (case when promise_date >= current_date then 'open' when abs(hashtext(id::text)) % 3 = 0 then 'broken' else 'kept' end)::promise_status
    from case_actions where promise_date is not null`);
  const platform = await makeOrg(db, { type: 'platform', name: '基准平台' });
  const auditor = await makeUser(db, { orgId: platform.id, role: 'auditor', name: '稽核', passwordHash: 'x' });
  // As autovacuum leaves a table after a bulk load: statistics and the visibility map.
  await db.execute(sql`vacuum analyze`);
  const [admin] = await executeRows<{ id: string }>(
    db,
    sql`select id from users where org_id = ${agencies[0]?.id} limit 1`,
  );
  return { creditor, manager, auditor, agencyAdminId: admin?.id ?? '' };
};

const measure = async (handle: DbHandle) => {
  const { db } = handle;
  const [world, seedMs] = await time(() => seed(db));
  console.log(
    `\n${handle.kind}: ${CASES.toLocaleString()} cases, ${REPAYMENTS.toLocaleString()} repayments and their commission lines, ${AGENCIES} agencies seeded in ${(seedMs / 1000).toFixed(1)} s; ${RUNS} calls each`,
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
  const now = new Date();
  const month = (offset: number) => shanghaiMonth(offset, now);
  const range = { from: month(-5), to: month(0) };
  const cases: [string, () => Promise<unknown>][] = [
    [
      'raw SQL: creditor’s confirmed money by month',
      () =>
        executeRows(
          db,
          sql`select to_char(paid_on, 'YYYY-MM'), sum(amount) from repayments where creditor_id = ${world.creditor.id} and status = 'confirmed' and paid_on >= ${`${range.from}-01`}::date group by 1`,
        ),
    ],
    [
      'dashboard.recovery (6 months, 1,000 agencies)',
      async () => (await callerFor(world.manager.id)).dashboard.recovery(range),
    ],
    [
      'dashboard.recovery (1 month)',
      async () => (await callerFor(world.manager.id)).dashboard.recovery({ from: month(0), to: month(0) }),
    ],
    ['dashboard.agency (6 months)', async () => (await callerFor(world.agencyAdminId)).dashboard.agency(range)],
    [
      'dashboard.promises (6 months: kept rate, flags per agency)',
      async () => (await callerFor(world.manager.id)).dashboard.promises(range),
    ],
    ['dashboard.ageing (open debts by bucket)', async () => (await callerFor(world.manager.id)).dashboard.ageing()],
    ['dashboard.curves (6 months)', async () => (await callerFor(world.manager.id)).dashboard.curves(range)],
    [
      'disclosure.get (last month, the creditor)',
      async () => (await callerFor(world.manager.id)).disclosure.get({ month: month(-1) }),
    ],
    [
      'disclosure.get (last month, platform-wide)',
      async () => (await callerFor(world.auditor.id)).disclosure.get({ month: month(-1) }),
    ],
    [
      'repayments.list waiting',
      async () => (await callerFor(world.manager.id)).repayments.list({ limit: 30, status: 'reported' }),
    ],
    ['repayments.list all', async () => (await callerFor(world.manager.id)).repayments.list({ limit: 30 })],
  ];
  const width = Math.max(...cases.map(([l]) => l.length));
  for (const [label, fn] of cases) {
    await fn();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) ms.push((await time(fn))[1]);
    console.log(
      `  ${label.padEnd(width)}  p50 ${median(ms).toFixed(1).padStart(7)} ms   p95 ${p95(ms).toFixed(1).padStart(7)} ms`,
    );
  }
  const { actor } = await loadUserActor(db, world.manager.id);
  if (!actor) throw new Error('bench manager cannot act');
  const caller = { actor, ip: null, userAgent: 'bench' };
  const linesSoFar = async () =>
    Number((await executeRows<{ n: string }>(db, sql`select count(*) as n from statement_lines`))[0]?.n ?? 0);
  // The months before last were settled in their time: drawn up first, as history.
  const [history, historyMs] = await time(() => generateStatements(db, caller, world.creditor.id, month(-2)));
  const settled = await linesSoFar();
  console.log(
    `  history (every month up to ${month(-2)} at once): ${history.created} statements, ${settled.toLocaleString()} lines in ${(historyMs / 1000).toFixed(1)} s`,
  );
  const [result, ms] = await time(() => generateStatements(db, caller, world.creditor.id, month(-1)));
  console.log(
    `  statements for ${month(-1)}: ${result.created} agencies, ${((await linesSoFar()) - settled).toLocaleString()} lines in ${(ms / 1000).toFixed(1)} s (goal: 1,000 agencies under 30 s)`,
  );

  // A background export of every case, against a raw read of the same rows and columns.
  const [, rawMs] = await time(() =>
    executeRows(
      db,
      sql`select c.contract_no, c.debtor_name, c.id_number_masked, c.phones, c.amount_overdue, greatest(0, current_date - c.overdue_since), least(12, (greatest(0, current_date - c.overdue_since) + 29) / 30), c.province, c.status, o.name, u.name
    from cases c left join organizations o on o.id = c.agency_id left join users u on u.id = c.collector_id where c.creditor_id = ${world.creditor.id}`,
    ),
  );
  const started = await startExport(db, caller, { list: 'creditor.cases', format: 'csv', filters: {} }, 'zh-CN');
  const [, exportMs] = await time(() => runExport(db as Db, started.id, getBlobStore()));
  const [done] = await executeRows<{ row_count: number; status: string }>(
    db,
    sql`select row_count, status from list_exports where id = ${started.id}`,
  );
  console.log(
    `  export of every case (CSV, ${Number(done?.row_count ?? 0).toLocaleString()} rows, ${done?.status}): ${(exportMs / 1000).toFixed(1)} s, ${Math.round(Number(done?.row_count ?? 0) / (exportMs / 1000)).toLocaleString()} rows/s; raw read of the same rows ${(rawMs / 1000).toFixed(1)} s (ratio ${(exportMs / rawMs).toFixed(1)})`,
  );
};

console.log('reports benchmark');
// PostgreSQL (BENCH_DATABASE_URL or the local server); with BENCH_DATABASE_URL=none, the embedded database (use small sizes).
const { handle, drop } = await openBenchDb(benchPostgresUrl());
await handle.migrate();
await measure(handle);
await handle.close();
// BENCH_KEEP=1 leaves the database for EXPLAIN.
if (process.env.BENCH_KEEP !== '1') await drop();
