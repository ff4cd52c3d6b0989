import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { ComplaintCategory, ComplaintStatus, SanctionKind, SanctionStatus, Tier } from '@/lib/enums';
import {
  admissionApplications,
  caseActions,
  caseFlags,
  complaints,
  organizations,
  sanctions,
  scorecards,
} from '@/db/schema';
import { startOfShanghaiDay } from '@/lib/dates';
import { shanghaiMonth } from '@/lib/months';
import { executeRows } from '../shared/execute';
import { nextDeadline, overdueOf } from '../complaints/deadlines';

// The staff overview (issue 7, supervision): what waits for the platform today — pending
// admissions, complaints by their next deadline, sanctions awaiting a second approver and
// in force — and how the agencies stand: by tier and latest score, and the rule flags
// raised month by month. Every figure is a count over an index; nothing here is per row.

const num = (v: unknown) => Number(v ?? 0);
const MONTHS = 6;
/** Score bands of the latest scorecard, as the admission tiers read (DESIGN §7). */
const BANDS = [
  { key: 'a', min: 8_500 },
  { key: 'b', min: 7_000 },
  { key: 'c', min: 6_000 },
  { key: 'low', min: 0 },
] as const;
export type ScoreBand = (typeof BANDS)[number]['key'] | 'none';

/** A timestamp as a statement parameter: postgres-js takes no Date in a raw statement. */
const tsParam = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export const staffOverview = async (db: DbOrTx, now = new Date()) => {
  const [admissions] = await executeRows<{
    submitted: string;
    under_review: string;
    info_requested: string;
    oldest: Date | string | null;
  }>(
    db,
    sql`select count(*) filter (where status = 'submitted') as submitted,
               count(*) filter (where status = 'under_review') as under_review,
               count(*) filter (where status = 'info_requested') as info_requested,
               min(submitted_at) filter (where status in ('submitted', 'under_review')) as oldest
        from ${admissionApplications} where status in ('submitted', 'under_review', 'info_requested')`,
  );

  // Open complaints, the nearest deadline first (acknowledgement, the agency's answer, or resolution).
  const due = sql`least(c.resolution_due_at, case when c.status = 'received' then c.ack_due_at end, case when c.status = 'awaiting_response' and c.responded_at is null then c.response_due_at end)`;
  const openRows = await executeRows<{
    id: string;
    reference: string;
    category: ComplaintCategory;
    status: ComplaintStatus;
    received_at: Date | string;
    ack_due_at: Date | string;
    acknowledged_at: Date | string | null;
    response_due_at: Date | string | null;
    responded_at: Date | string | null;
    resolution_due_at: Date | string;
    agency_name: string | null;
  }>(
    db,
    sql`select c.id, c.reference, c.category, c.status, c.received_at, c.ack_due_at, c.acknowledged_at, c.response_due_at, c.responded_at, c.resolution_due_at, o.name as agency_name
        from ${complaints} c left join ${organizations} o on o.id = c.agency_id
        where c.status in ('received', 'acknowledged', 'investigating', 'awaiting_response')
        order by ${due} asc, c.id limit 8`,
  );
  // Each count over an index: open complaints by status, the week's by their receipt.
  const [openCounts] = await executeRows<{ open: string; overdue: string }>(
    db,
    sql`select count(*) as open, count(*) filter (where ${due} < ${tsParam(now)}) as overdue
        from ${complaints} c where c.status in ('received', 'acknowledged', 'investigating', 'awaiting_response')`,
  );
  const [weekCount] = await executeRows<{ n: string }>(
    db,
    sql`select count(*) as n from ${complaints} c where c.received_at >= ${tsParam(new Date(now.getTime() - 7 * 86_400_000))}`,
  );
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));

  const sanctionRows = await executeRows<{ kind: SanctionKind; status: SanctionStatus; n: string }>(
    db,
    sql`select kind, status, count(*) as n from ${sanctions} where status in ('proposed', 'active') group by kind, status`,
  );

  // Admitted agencies by tier and by the band of their latest scorecard.
  const standing = await executeRows<{ tier: Tier | null; band: ScoreBand; n: string }>(
    db,
    sql`with latest as (
          select distinct on (agency_id) agency_id, score_bp from ${scorecards} order by agency_id, month desc
        )
        select o.tier,
               case when l.score_bp is null then 'none'
                    when l.score_bp >= ${BANDS[0].min} then 'a' when l.score_bp >= ${BANDS[1].min} then 'b'
                    when l.score_bp >= ${BANDS[2].min} then 'c' else 'low' end as band,
               count(*) as n
        from ${organizations} o left join latest l on l.agency_id = o.id
        where o.type = 'agency' and o.status = 'active'
        group by 1, 2`,
  );

  // Rule flags by month (Beijing): on actions (the partial index of flagged actions) and on visits.
  const since = `${shanghaiMonth(-(MONTHS - 1), now)}-01`;
  const flagRows = await executeRows<{ month: string; actions: string; visits: string }>(
    db,
    sql`with m as (select to_char(d, 'YYYY-MM') as month from generate_series(${since}::date, ${`${shanghaiMonth(0, now)}-01`}::date, interval '1 month') d),
        a as (select to_char(${caseActions.at} at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as n from ${caseActions}
              where jsonb_array_length(${caseActions.flags}) > 0 and ${caseActions.at} >= ${tsParam(startOfShanghaiDay(since))} group by 1),
        v as (select to_char(${caseFlags.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as n from ${caseFlags}
              where ${caseFlags.createdAt} >= ${tsParam(startOfShanghaiDay(since))} group by 1)
        select m.month, coalesce(a.n, 0) as actions, coalesce(v.n, 0) as visits from m left join a on a.month = m.month left join v on v.month = m.month order by m.month`,
  );

  return {
    admissions: {
      submitted: num(admissions?.submitted),
      underReview: num(admissions?.under_review),
      infoRequested: num(admissions?.info_requested),
      oldestSubmittedAt: date(admissions?.oldest ?? null),
    },
    complaints: {
      open: num(openCounts?.open),
      overdue: num(openCounts?.overdue),
      receivedThisWeek: num(weekCount?.n),
      nextDue: openRows.map((r) => {
        const state = {
          status: r.status,
          ackDueAt: new Date(r.ack_due_at),
          acknowledgedAt: date(r.acknowledged_at),
          responseDueAt: date(r.response_due_at),
          respondedAt: date(r.responded_at),
          resolutionDueAt: new Date(r.resolution_due_at),
          decidedAt: null,
        };
        return {
          id: r.id,
          reference: r.reference,
          category: r.category,
          status: r.status,
          agencyName: r.agency_name,
          dueAt: nextDeadline(state),
          overdue: overdueOf(state, now),
        };
      }),
    },
    sanctions: {
      bansAwaitingApproval: num(sanctionRows.find((r) => r.kind === 'ban' && r.status === 'proposed')?.n),
      inForce: (['warning', 'points', 'suspension', 'ban'] as const).map((kind) => ({
        kind,
        count: num(sanctionRows.find((r) => r.kind === kind && r.status === 'active')?.n),
      })),
    },
    agencies: standing.map((r) => ({ tier: r.tier, band: r.band, count: num(r.n) })),
    flags: flagRows.map((r) => ({ month: r.month, actions: num(r.actions), visits: num(r.visits) })),
  };
};

export type StaffOverview = Awaited<ReturnType<typeof staffOverview>>;
