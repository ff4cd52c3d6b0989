// The rulebook at scale: ten million collection actions on a hundred thousand debtors, then
// the rule check (canContact, as a collector asks before dialling) and logging an action
// (the check again under the debtor's lock, the insert and its audit row) on random cases,
// beside the raw history query the check needs. Some cases were paused and answered, some
// debtors asked not to be contacted some way. Prints p50/p95; asserts nothing.
//
//   npm run bench:rules
//   BENCH_ACTIONS=10000000 BENCH_RULE_CASES=100000 BENCH_DATABASE_URL=postgres://… npm run bench:rules
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { makeOrg, makeUser } from '../db/seed/factories';
import type { Caller } from '../server/auth/actor';
import { loadUserActor } from '../server/domain/auth/load-actor';
import { executeRows } from '../server/domain/shared/execute';
import { canContact, logAction } from '../server/domain/work/actions';
import { benchPostgresUrl, median, openBenchDb, p95, time } from './shared';
import { middayZone } from '../server/testing/work';

const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 10_000_000);
const CASES = Number(process.env.BENCH_RULE_CASES ?? 100_000);
const RUNS = 200;

const seed = async (db: Db) => {
  const creditor = await makeOrg(db, { type: 'creditor', name: '基准委托方' });
  const agency = await makeOrg(db, { type: 'agency', name: '基准处置机构' });
  const manager = await makeUser(db, { orgId: creditor.id, role: 'manager', name: '经理', passwordHash: 'x' });
  const collector = await makeUser(db, { orgId: agency.id, role: 'collector', name: '催收员', passwordHash: 'x' });
  const [file] = await executeRows<{ id: string }>(
    db,
    sql`insert into stored_files (org_id, uploaded_by, sha256, size, mime) values (${creditor.id}, ${manager.id}, ${'0'.repeat(64)}, 1, 'text/csv') returning id`,
  );
  const [imp] = await executeRows<{ id: string }>(
    db,
    sql`insert into case_imports (creditor_id, file_id, file_name, status, created_by) values (${creditor.id}, ${file?.id}, 'bench.csv', 'succeeded', ${manager.id}) returning id`,
  );
  const [pkg] = await executeRows<{ id: string }>(
    db,
    sql`insert into packages (creditor_id, name, status, source, figures, created_by, commission_start, commission_end, allowed_channels)
        values (${creditor.id}, '基准包', 'awarded', '{"kind":"filter"}', '{"caseCount":0,"totalOverdue":0,"totalPrincipal":0,"avgDaysOverdue":0,"byBucket":{},"byProvince":{}}', ${manager.id}, current_date, current_date + 90, '{phone,sms,letter,email}') returning id`,
  );
  const [commission] = await executeRows<{ id: string }>(
    db,
    sql`insert into commissions (package_id, creditor_id, agency_id, fee_bp, starts_on, ends_on, share, case_count, total_overdue)
        values (${pkg?.id}, ${creditor.id}, ${agency.id}, 2500, current_date, current_date + 90, '{"kind":"all"}', ${CASES}, 0) returning id`,
  );
  await db.execute(sql`
    insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
      loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since, status, package_id, agency_id, commission_id, collector_id, time_zone)
    select ${creditor.id}, ${imp?.id}, 'R' || lpad(g::text, 9, '0'), '张三', 'v1:sealed', 'debtor' || g, '110***********1234',
      jsonb_build_array(jsonb_build_object('enc', 'v1:sealed', 'idx', 'phone' || g, 'masked', '138****0000')),
      jsonb_build_array(jsonb_build_object('name', '李四', 'relation', '配偶', 'phone', jsonb_build_object('enc', 'v1:sealed', 'idx', 'contact' || g, 'masked', '139****0000'))),
      1000000, 600000, 300000, current_date - 40, current_date - 40, 'working', ${pkg?.id}, ${agency.id}, ${commission?.id}, ${collector.id},
      ${middayZone()}
    from generate_series(1, ${CASES}::int) g`);
  // Ten million actions spread over a year, on every debtor alike.
  const batch = 1_000_000;
  for (let from = 0; from < ACTIONS; from += batch) {
    const to = Math.min(ACTIONS, from + batch);
    await db.execute(sql`
      insert into case_actions (case_id, creditor_id, agency_id, commission_id, actor_id, debtor_idx, channel, target, phone_idx, phone_masked, outcome, note, rule_version, at)
      select c.id, ${creditor.id}, ${agency.id}, ${commission?.id}, ${collector.id}, 'debtor' || (1 + g % ${CASES}),
        (array['call','call','sms','letter'])[1 + g % 4]::action_channel, 'debtor', 'phone' || (1 + g % ${CASES}), '138****0000',
        (array['answered','unanswered','unanswered','invalid_number','promise_to_pay'])[1 + g % 5]::action_outcome, '', 1,
        now() - interval '1 day' - ((g % 31536000) || ' seconds')::interval
      from generate_series(${from + 1}::int, ${to}::int) g
      join cases c on c.contract_no = 'R' || lpad((1 + g % ${CASES})::text, 9, '0')`);
  }
  // Every twentieth case was paused once and answered (the check looks for an open pause), and
  // every tenth debtor asked not to be visited and not to be called at night, half of them on
  // working days only (the check then reads the working calendar).
  await db.execute(sql`
    insert into case_holds (case_id, creditor_id, agency_id, kind, status, raised_at, answer_due_at, decided_at, decision_note)
    select id, creditor_id, agency_id, (array['deceased','dispute'])[1 + (row_number() over ()) % 2]::case_hold_kind, 'continued',
      now() - interval '30 days', now() - interval '23 days', now() - interval '25 days', '继续催收'
    from cases where contract_no like '%0' and right(contract_no, 2)::int % 20 = 0`);
  await db.execute(sql`
    insert into contact_requests (case_id, creditor_id, org_id, recorded_by, stopped_channels, quiet_from, quiet_to, quiet_workdays_only, note)
    select id, creditor_id, agency_id, ${collector.id}, '{visit}', 0, 420, right(contract_no, 2)::int % 20 = 0, '不要上门，夜里不要打'
    from cases where right(contract_no, 1) = '0'`);
  await db.execute(sql`analyze`);
  const { actor } = await loadUserActor(db, collector.id);
  if (!actor) throw new Error('bench collector cannot act');
  return { collector: { actor, ip: null, userAgent: 'bench' } satisfies Caller };
};

const url = benchPostgresUrl();
const { handle, drop } = await openBenchDb(url);
try {
  await handle.migrate();
  const [{ collector }, seedMs] = await time(() => seed(handle.db));
  const [count] = await executeRows<{ n: number }>(handle.db, sql`select count(*)::int as n from case_actions`);
  console.log(
    `${handle.kind}: ${count?.n.toLocaleString()} actions on ${CASES.toLocaleString()} debtors, seeded in ${(seedMs / 1000).toFixed(0)} s; ${RUNS} calls each`,
  );
  const ids = (
    await executeRows<{ id: string; idx: string }>(
      handle.db,
      sql`select id, id_number_idx as idx from cases order by random() limit ${RUNS * 3}`,
    )
  ).map((r) => r);
  const measure = async (label: string, fn: (i: number) => Promise<unknown>) => {
    await fn(0);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i += 1) ms.push((await time(() => fn(i)))[1]);
    console.log(
      `  ${label.padEnd(44)} p50 ${median(ms).toFixed(2).padStart(7)} ms   p95 ${p95(ms).toFixed(2).padStart(7)} ms`,
    );
  };
  await measure('raw SQL: a debtor’s latest 200 actions', (i) =>
    executeRows(
      handle.db,
      sql`select at, channel, target, phone_idx, outcome from case_actions where debtor_idx = ${ids[i]?.idx} order by at desc limit 200`,
    ),
  );
  await measure('rule check (canContact)', (i) =>
    canContact(handle.db, collector, { caseId: ids[i]?.id ?? '', channel: 'call', target: 'debtor', index: 0 }),
  );
  await measure('rule check for a contact (third party)', (i) =>
    canContact(handle.db, collector, { caseId: ids[RUNS + i]?.id ?? '', channel: 'call', target: 'contact', index: 1 }),
  );
  await measure('log a call (check, locks, insert, audit)', (i) =>
    logAction(handle.db, collector, {
      caseId: ids[RUNS * 2 + (i % RUNS)]?.id ?? '',
      channel: 'call',
      target: 'debtor',
      index: 0,
      outcome: 'unanswered',
      note: '基准',
    }),
  );
} finally {
  await handle.close();
  await drop();
}
