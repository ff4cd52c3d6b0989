import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobQueue } from '../jobs/queue';
import { SCORECARD_JOB } from '../domain/scorecards/compute';
import { executeRows } from '../domain/shared/execute';
import { shanghaiMonth } from '@/lib/months';
import type { World } from './world';

/** `YYYY-MM` of last month in Beijing. */
export const lastMonth = (now = new Date()) => shanghaiMonth(-1, now);

/**
 * `count` admitted agencies working the world's creditor A, each with a package, a
 * commission, 50 cases and 100 confirmed repayments last month with their commission
 * lines: what a month of statements and scorecards is drawn from. Written in bulk (the
 * size tests are about the work done on it, not about how it came to be).
 */
export const seedAgenciesWithLastMonth = async (db: Db, w: World, count: number) => {
  const creditorId = w.orgs.creditorA.id;
  const managerId = w.users['creditorA.manager'].id;
  const month = lastMonth();
  await db.execute(sql`
    insert into organizations (type, name, credit_code, status, tier)
    select 'agency', '规模处置机构' || g, 'SCALE' || lpad(g::text, 13, '0'), 'active', 'A' from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into users (org_id, role, name, email, password_hash)
    select id, 'admin', '管理员', 'admin-' || id || '@scale.cn', 'x' from organizations where credit_code like 'SCALE%'`);
  const [imp] = await executeRows<{ id: string }>(
    db,
    sql`select id from case_imports where creditor_id = ${creditorId} limit 1`,
  );
  const figures = JSON.stringify({
    caseCount: 50,
    totalOverdue: 1,
    totalPrincipal: 1,
    avgDaysOverdue: 90,
    byBucket: {},
    byProvince: {},
  });
  await db.execute(sql`
    insert into packages (creditor_id, name, status, source, figures, closes_at, opened_at, created_by, commission_start, commission_end, reserve_fee_bp, expected_recovery_bp, allowed_channels)
    select ${creditorId}, '规模包' || g, 'awarded', '{"kind":"filter"}'::jsonb, ${figures}::jsonb, now() - interval '1 year', now() - interval '1 year', ${managerId},
           current_date - 365, current_date + 365, 3000, 1500, '{phone,sms}'
    from generate_series(1, ${count}) g`);
  await db.execute(sql`
    insert into commissions (package_id, creditor_id, agency_id, fee_bp, starts_on, ends_on, share, case_count, total_overdue)
    select p.id, ${creditorId}, a.id, 2000 + (a.n % 10) * 100, current_date - 365, current_date + 365, '{"kind":"all"}', 50, 50 * 150000
    from (select id, row_number() over (order by id) as n from packages where name like '规模包%') p
    join (select id, row_number() over (order by credit_code) as n from organizations where credit_code like 'SCALE%') a on a.n = p.n`);
  await db.execute(sql`
    insert into cases (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
      loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since, status, package_id, agency_id, commission_id)
    select ${creditorId}, ${imp?.id}, 'SC' || lpad(g::text, 9, '0'), '王五', 'v1:sealed', md5('sc' || g), '110***********1234',
      '[{"enc":"v1:sealed","idx":"x","masked":"138****0000"}]'::jsonb, '[]'::jsonb, 1000000, 600000, 150000, current_date - 90, current_date - 90, 'working',
      c.package_id, c.agency_id, c.id
    from generate_series(0, ${count * 50 - 1}) g
    join (select id, package_id, agency_id, row_number() over (order by id) - 1 as n from commissions where creditor_id = ${creditorId}
          and package_id in (select id from packages where name like '规模包%')) c on c.n = g % ${count}`);
  await db.execute(sql`
    insert into repayments (case_id, creditor_id, agency_id, commission_id, source, amount, paid_on, channel, payer, reference, status, reported_by, decided_at)
    select c.id, c.creditor_id, c.agency_id, c.commission_id, 'agency', 1000 + (g % 97) * 100, ${`${month}-01`}::date + (g % 28), 'bank_transfer', '本人', 'S' || g, 'confirmed', ${managerId}, now()
    from generate_series(0, ${count * 100 - 1}) g
    join cases c on c.contract_no = 'SC' || lpad((g % ${count * 50})::text, 9, '0') and c.creditor_id = ${creditorId}`);
  await db.execute(sql`
    insert into commission_lines (creditor_id, agency_id, commission_id, case_id, repayment_id, kind, base_amount, fee_bp, amount, earned_on)
    select r.creditor_id, r.agency_id, r.commission_id, r.case_id, r.id, 'earned', r.amount, m.fee_bp, (r.amount * m.fee_bp + 5000) / 10000, r.paid_on
    from repayments r join commissions m on m.id = r.commission_id where r.reference like 'S%' and r.creditor_id = ${creditorId}`);
  const [lines] = await executeRows<{ n: number; fees: string }>(
    db,
    sql`select count(*)::int as n, sum(amount)::text as fees from commission_lines where creditor_id = ${creditorId} and earned_on <= (${`${month}-01`}::date + interval '1 month' - interval '1 day')`,
  );
  await db.execute(sql`analyze`);
  return { month, lines: lines?.n ?? 0, fees: Number(lines?.fees ?? 0) };
};

/** Queues last month's scorecards the way staff ask for a month again: through the job queue. */
export const computeLastMonthAtScale = async (db: Db) => {
  const month = lastMonth();
  await db.transaction((tx) =>
    jobQueue.enqueue(tx, { kind: SCORECARD_JOB, key: `${month}:scale`, payload: { month, reason: 'recompute' } }),
  );
  return { month };
};
