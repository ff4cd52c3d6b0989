import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { BASIS_POINTS } from '@/lib/rates';
import { commissions, moneyMonthly, organizations, repayments } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { DomainError } from '../../errors';
import { executeRows } from '../shared/execute';
import { addMonths, monthEnd } from '@/lib/months';

// The creditor's recovery dashboard: confirmed money by month and agency, and per agency
// what was placed with it and how much of it came back. Reversed repayments do not count.
// Months are read from the monthly rollup kept with every confirmation and reversal.

type MonthAgencyRow = { month: string; agency_id: string | null; recovered: string | number; count: string | number };

export const creditorRecovery = async (db: DbOrTx, caller: Caller, input: { from: string; to: string }) => {
  if (input.from > input.to) throw new DomainError('dashboard.range', { field: 'from' });
  const rows = await executeRows<MonthAgencyRow>(
    db,
    sql`select month, agency_id, recovered, repayments as count from ${moneyMonthly}
        where creditor_id = ${caller.actor.orgId} and month between ${input.from} and ${input.to} and repayments <> 0
        order by month`,
  );
  const placed = await db
    .select({
      agencyId: commissions.agencyId,
      name: organizations.name,
      placed: sql<string>`sum(${commissions.totalOverdue})`,
      cases: sql<string>`sum(${commissions.caseCount})`,
    })
    .from(commissions)
    .innerJoin(organizations, eq(organizations.id, commissions.agencyId))
    .where(and(eq(commissions.creditorId, caller.actor.orgId)))
    .groupBy(commissions.agencyId, organizations.name);
  // One pass over the rows: totals per agency and per month.
  const byAgencyTotal = new Map<string, number>();
  const perMonth = new Map<string, { total: number; byAgency: Record<string, number> }>();
  for (const r of rows) {
    const key = r.agency_id ?? 'direct';
    const amount = Number(r.recovered);
    byAgencyTotal.set(key, (byAgencyTotal.get(key) ?? 0) + amount);
    const m = perMonth.get(r.month) ?? { total: 0, byAgency: {} };
    m.total += amount;
    m.byAgency[key] = (m.byAgency[key] ?? 0) + amount;
    perMonth.set(r.month, m);
  }
  const agencies = placed.map((p) => {
    const recovered = byAgencyTotal.get(p.agencyId) ?? 0;
    const placedFen = Number(p.placed);
    return {
      agencyId: p.agencyId,
      agencyName: p.name,
      placed: placedFen,
      cases: Number(p.cases),
      recovered,
      rateBp: placedFen > 0 ? Math.round((recovered * BASIS_POINTS) / placedFen) : 0,
    };
  });
  const months: string[] = [];
  for (let m = input.from; m <= input.to && months.length < 36; m = addMonths(m, 1)) months.push(m);
  const byMonth = months.map((month) => ({
    month,
    total: perMonth.get(month)?.total ?? 0,
    byAgency: perMonth.get(month)?.byAgency ?? {},
  }));
  const direct = byAgencyTotal.get('direct') ?? 0;
  const total = [...byAgencyTotal.values()].reduce((a, b) => a + b, 0);
  return { months: byMonth, agencies, direct, total };
};

type AgencyMonthRow = { month: string; recovered: string | number; commission: string | number };
type AgencyTotals = {
  earned: string | number | null;
  paid: string | number | null;
  awaiting_count: string | number;
  awaiting_sum: string | number | null;
  promises_count: string | number;
  promises_sum: string | number | null;
};

/**
 * The agency's money: confirmed repayments and commission by month; commission earned,
 * paid (on paid statements) and still to be paid; repayments waiting for the creditors;
 * promises to pay falling due within a week.
 */
export const agencyMoney = async (
  db: DbOrTx,
  caller: Caller,
  input: { from: string; to: string },
  now = new Date(),
) => {
  if (input.from > input.to) throw new DomainError('dashboard.range', { field: 'from' });
  const fromDay = `${input.from}-01`;
  const toDay = monthEnd(input.to);
  const agencyId = caller.actor.orgId;
  const rows = await executeRows<AgencyMonthRow>(
    db,
    sql`select m.month, coalesce(sum(mm.recovered), 0) as recovered, coalesce(sum(mm.commission), 0) as commission
        from (select to_char(d, 'YYYY-MM') as month from generate_series(${fromDay}::date, ${toDay}::date, interval '1 month') d) m
        left join ${moneyMonthly} mm on mm.month = m.month and mm.agency_id = ${agencyId}
        group by m.month order by m.month`,
  );
  const inAWeek = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const [totals] = await executeRows<AgencyTotals>(
    db,
    sql`select
          (select sum(commission) from ${moneyMonthly} where agency_id = ${agencyId}) as earned,
          (select sum(total) from statements where agency_id = ${agencyId} and status = 'paid') as paid,
          (select count(*) from ${repayments} where agency_id = ${agencyId} and status = 'reported') as awaiting_count,
          (select sum(amount) from ${repayments} where agency_id = ${agencyId} and status = 'reported') as awaiting_sum,
          (select count(*) from promises where agency_id = ${agencyId} and status = 'open' and due_date <= ${inAWeek}::date) as promises_count,
          (select sum(amount) from promises where agency_id = ${agencyId} and status = 'open' and due_date <= ${inAWeek}::date) as promises_sum`,
  );
  const earned = Number(totals?.earned ?? 0);
  const paid = Number(totals?.paid ?? 0);
  return {
    months: rows.map((r) => ({ month: r.month, recovered: Number(r.recovered), commission: Number(r.commission) })),
    commissionEarned: earned,
    commissionPaid: paid,
    commissionPending: earned - paid,
    awaitingCount: Number(totals?.awaiting_count ?? 0),
    awaitingSum: Number(totals?.awaiting_sum ?? 0),
    promisesDueCount: Number(totals?.promises_count ?? 0),
    promisesDueSum: Number(totals?.promises_sum ?? 0),
  };
};
