import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { OPEN_CASE_STATUSES } from '@/lib/enums';
import { BASIS_POINTS } from '@/lib/rates';
import type { Caller } from '../../auth/actor';
import { DomainError } from '../../errors';
import { executeRows } from '../shared/execute';
import { bucketSql, todayOf } from '../cases/ageing';
import { monthEnd, monthIndex, monthOf } from '@/lib/months';

// The creditor's dashboard beyond money per month: how its agencies keep promises and the
// rules, how old its open debts are, and how each commission's recovery grew month by
// month since it began.

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part * BASIS_POINTS) / whole) : 0);
/** At most this many commissions get a curve: the newest that began in the range. */
export const MAX_CURVES = 12;

type QualityRow = {
  agency_id: string;
  agency_name: string;
  kept: string;
  broken: string;
  open: string;
  flagged: string;
  cases: string;
};
type AgeRow = { bucket: number; cases: string; outstanding: string; placed: string };
type CurveRow = {
  id: string;
  package_name: string;
  agency_name: string;
  starts_on: string;
  total_overdue: string;
  month: string | null;
  recovered: string | null;
};

/**
 * Per agency, for promises falling due and actions logged in the range: promises kept,
 * broken and still open with the kept rate (kept ÷ decided), and actions the rulebook
 * flagged per 1,000 cases placed with it under commissions active in the range.
 */
export const agencyQuality = async (db: DbOrTx, caller: Caller, input: { from: string; to: string }) => {
  const fromDay = `${input.from}-01`;
  const toDay = monthEnd(input.to);
  const rows = await executeRows<QualityRow>(
    db,
    sql`with p as (
          select agency_id, count(*) filter (where status = 'kept') as kept, count(*) filter (where status = 'broken') as broken,
                 count(*) filter (where status = 'open') as open
          from promises where creditor_id = ${caller.actor.orgId} and due_date between ${fromDay}::date and ${toDay}::date group by 1
        ), f as (
          select agency_id, count(*) as flagged from case_actions
          where creditor_id = ${caller.actor.orgId} and jsonb_array_length(flags) > 0
            and at >= (${fromDay}::date)::timestamp at time zone 'Asia/Shanghai' and at < (${toDay}::date + 1)::timestamp at time zone 'Asia/Shanghai'
          group by 1
        ), c as (
          select agency_id, sum(case_count) as cases from commissions
          where creditor_id = ${caller.actor.orgId} and starts_on <= ${toDay}::date and ends_on >= ${fromDay}::date and (ended_at is null or ended_at >= ${fromDay}::date)
          group by 1
        ), a as (select agency_id from p union select agency_id from f union select agency_id from c)
        select o.id as agency_id, o.name as agency_name, coalesce(p.kept, 0) as kept, coalesce(p.broken, 0) as broken, coalesce(p.open, 0) as open,
               coalesce(f.flagged, 0) as flagged, coalesce(c.cases, 0) as cases
        from a join organizations o on o.id = a.agency_id left join p on p.agency_id = a.agency_id left join f on f.agency_id = a.agency_id left join c on c.agency_id = a.agency_id
        order by o.name`,
  );
  return rows.map((r) => {
    const [kept, broken, cases, flagged] = [Number(r.kept), Number(r.broken), Number(r.cases), Number(r.flagged)];
    return {
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      promisesKept: kept,
      promisesBroken: broken,
      promisesOpen: Number(r.open),
      keptRateBp: rate(kept, kept + broken),
      flagged,
      casesPlaced: cases,
      /** Flagged actions per 1,000 cases placed. */
      flagsPerThousand: cases > 0 ? Math.round((flagged * 1000 * 10) / cases) / 10 : 0,
    };
  });
};

/** The creditor's open cases by bucket (months overdue): how many, what is still owed, and how much of it is with an agency. */
export const bucketAgeing = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  const open = sql.join(
    OPEN_CASE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await executeRows<AgeRow>(
    db,
    sql`select ${bucketSql(todayOf(now), sql`overdue_since`)} as bucket, count(*) as cases, sum(amount_overdue - repaid_amount) as outstanding,
               coalesce(sum(amount_overdue - repaid_amount) filter (where agency_id is not null), 0) as placed
        from cases where creditor_id = ${caller.actor.orgId} and status::text in (${open})
        group by 1 order by 1`,
  );
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    cases: Number(r.cases),
    outstanding: Number(r.outstanding),
    placed: Number(r.placed),
  }));
};

/**
 * Recovery curves: for each commission that began in the range (the newest first, at most
 * MAX_CURVES), the share of what was placed that had come back by the end of each month
 * since it began, up to this month.
 */
export const recoveryCurves = async (
  db: DbOrTx,
  caller: Caller,
  input: { from: string; to: string },
  now = new Date(),
) => {
  const rows = await executeRows<CurveRow>(
    db,
    sql`with c as (
          select c.id, p.name as package_name, o.name as agency_name, c.starts_on, c.total_overdue
          from commissions c join packages p on p.id = c.package_id join organizations o on o.id = c.agency_id
          where c.creditor_id = ${caller.actor.orgId} and c.starts_on between ${`${input.from}-01`}::date and ${monthEnd(input.to)}::date
          order by c.starts_on desc, c.id limit ${MAX_CURVES}
        )
        select c.id, c.package_name, c.agency_name, to_char(c.starts_on, 'YYYY-MM-DD') as starts_on, c.total_overdue, m.month, m.recovered
        from c left join commission_monthly m on m.commission_id = c.id
        order by c.starts_on desc, c.id, m.month`,
  );
  const current = monthIndex(monthOf(now));
  const byCommission = new Map<string, { row: CurveRow; byMonth: Map<number, number> }>();
  for (const r of rows) {
    const entry = byCommission.get(r.id) ?? { row: r, byMonth: new Map<number, number>() };
    if (r.month) {
      const since = Math.max(0, monthIndex(r.month) - monthIndex(r.starts_on.slice(0, 7)));
      entry.byMonth.set(since, (entry.byMonth.get(since) ?? 0) + Number(r.recovered ?? 0));
    }
    byCommission.set(r.id, entry);
  }
  return [...byCommission.values()].map(({ row, byMonth }) => {
    const placed = Number(row.total_overdue);
    const months = Math.max(0, current - monthIndex(row.starts_on.slice(0, 7)));
    let sum = 0;
    const points = Array.from({ length: months + 1 }, (_, m) => {
      sum += byMonth.get(m) ?? 0;
      return { month: m + 1, recovered: sum, rateBp: rate(sum, placed) };
    });
    return {
      commissionId: row.id,
      packageName: row.package_name,
      agencyName: row.agency_name,
      startsOn: row.starts_on,
      placed,
      points,
    };
  });
};

/** A range of months, refused on its first field when it ends before it starts. */
export const checkedRange = <R extends { from: string; to: string }>(range: R): R => {
  if (range.from > range.to) throw new DomainError('dashboard.range', { field: 'from' });
  return range;
};

/** Everything the dashboard shows beyond money by month, for one range of months (the workbook export). */
export const creditorQuality = async (
  db: DbOrTx,
  caller: Caller,
  input: { from: string; to: string },
  now = new Date(),
) => {
  checkedRange(input);
  return {
    agencies: await agencyQuality(db, caller, input),
    ageing: await bucketAgeing(db, caller),
    curves: await recoveryCurves(db, caller, input, now),
  };
};
