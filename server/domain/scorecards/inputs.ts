import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { ABUSE_CATEGORIES } from '@/lib/enums';
import { PHANTOM_GRACE_MS } from '@/lib/call-records';
import { VISIT_EVIDENCE_DUE_MS } from '@/lib/visits';
import { executeRows } from '../shared/execute';
import { EVIDENCE_MISSING_RULE } from '../work/visits';
import { isPhantomSql, isShadowSql } from '../calls/pairing';
import { emptyInputs, FORMULA_VERSION, inputsOfVersion, type CommissionInput, type ScorecardInputs } from './formula';
import { addMonths, monthEnd, monthStartsAt } from '@/lib/months';

// What the formula reads of one month, for every agency at once: a handful of grouped
// queries over the month's rows, whatever the number of agencies. Versions 2 and 3 read
// the same, v3 adding the call records and inspections (v1's abuse categories are no
// longer gathered: a v1 month computed again takes the current version).
//
// - Ratings: the month's ratings by the creditors that commissioned the agency.
// - Recovery: each commission whose term touched the month (not ended before it), with
//   its package's expected rate (the winning bid's when the package has none) and the
//   confirmed money paid in the month (commission_monthly, reversals taken off).
// - Reporting on time (DESIGN §4, NIFA 2018): the collection action that records a visit
//   is due within 24 hours of the visit's planned time (recorded, or called off, by then;
//   a visit called off before its time owed nothing), and its audio and video within 24
//   hours of the visit (late when the missing-evidence flag was raised). Deadlines not yet
//   passed when the card is computed are left out.
// - Compliance: actions the rulebook flagged in the month, complaints upheld in it (by the
//   day of the finding) and among them abuse (threats or violence, DESIGN §7).
// - Responsiveness: complaint answers falling due in the month, given within the 10 days
//   or not; an answer no longer needed (the complaint decided before its due date) does
//   not count. Restructuring requests do not count here: the agency proposes them and the
//   creditor replies (within 3 business days), so no reply is owed by the agency; debtors'
//   own requests for a repayment plan would count once the product takes them.
// - History: the month scores of the two months before, as stored.
// - Calls (v3), by the record's start in the month, over the agency's index on
//   (agency_id, started_at) of call_records and the partial one of call_checks: matched
//   outbound calls, and outbound records with no logged action paired (shadow contacts,
//   pairing.ts); checked records that broke a hard rule; logged calls and messages (by
//   their time, the agency's index on case_actions) made while the agency's dialer or
//   gateway was already sending records of that channel, and those with no record paired
//   (phantom actions). `now` is when the card is computed: a closed month computed after
//   its end is past every pairing window and phantom grace.
// - Inspections (v3), by when they were made: the platform auditors' count, average
//   score and calls failed on a fatal item; the agency's own count.

type CommissionRow = {
  id: string;
  agency_id: string;
  case_count: number | string;
  total_overdue: number | string;
  expected_bp: number | string;
  term_days: number | string;
  active_days: number | string;
  recovered: number | string;
};
type CountRow = { agency_id: string; a: number | string; b: number | string };

const n = (v: number | string | null | undefined) => Number(v ?? 0);

const countsBy = (rows: CountRow[]) => new Map(rows.map((r) => [r.agency_id, [n(r.a), n(r.b)] as const]));

/** The month's inputs of each of the given agencies (every one gets an entry, empty when nothing happened). */
export const gatherInputs = async (
  db: DbOrTx,
  agencyIds: readonly string[],
  month: string,
  now: Date,
  version: number = FORMULA_VERSION,
): Promise<Map<string, ScorecardInputs>> => {
  const byAgency = new Map(agencyIds.map((id) => [id, inputsOfVersion(emptyInputs(month), version)]));
  if (agencyIds.length === 0) return byAgency;
  const fromDay = `${month}-01`;
  const toDay = monthEnd(month);
  const from = monthStartsAt(month).toISOString();
  const to = monthStartsAt(addMonths(month, 1)).toISOString();
  const dueMs = VISIT_EVIDENCE_DUE_MS;
  const cutoff = new Date(now.getTime() - dueMs).toISOString();
  const agencies = sql`(${sql.join(
    agencyIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

  const ratings = await executeRows<{ agency_id: string; ratings: string }>(
    db,
    sql`select agency_id, string_agg(rating::text, ',' order by rating) as ratings from agency_ratings
        where month = ${month} and agency_id in ${agencies} group by agency_id`,
  );
  const commissionRows = await executeRows<CommissionRow>(
    db,
    sql`select c.id, c.agency_id, c.case_count, c.total_overdue, coalesce(p.expected_recovery_bp, b.expected_recovery_bp, 0) as expected_bp,
               (c.ends_on - c.starts_on + 1) as term_days,
               greatest(0, least(c.ends_on, ${toDay}::date, coalesce((c.ended_at at time zone 'Asia/Shanghai')::date, ${toDay}::date)) - greatest(c.starts_on, ${fromDay}::date) + 1) as active_days,
               coalesce(m.recovered, 0) as recovered
        from commissions c join packages p on p.id = c.package_id left join bids b on b.id = c.bid_id
        left join commission_monthly m on m.commission_id = c.id and m.month = ${month}
        where c.agency_id in ${agencies} and c.starts_on <= ${toDay}::date and c.ends_on >= ${fromDay}::date and (c.ended_at is null or c.ended_at >= ${from}::timestamptz)
        order by c.agency_id, c.starts_on, c.id`,
  );
  const visits = await executeRows<CountRow>(
    db,
    sql`select agency_id,
               count(*) filter (where (status = 'visited' and visited_at <= planned_for + ${`${dueMs} milliseconds`}::interval)
                                   or (status = 'cancelled' and cancelled_at <= planned_for + ${`${dueMs} milliseconds`}::interval)) as a,
               count(*) filter (where not ((status = 'visited' and visited_at <= planned_for + ${`${dueMs} milliseconds`}::interval)
                                   or (status = 'cancelled' and cancelled_at <= planned_for + ${`${dueMs} milliseconds`}::interval))) as b
        from field_visits
        where agency_id in ${agencies} and planned_for >= ${from}::timestamptz and planned_for < ${to}::timestamptz
          and not (status = 'cancelled' and cancelled_at < planned_for)
          and not (status = 'planned' and planned_for > ${cutoff}::timestamptz)
        group by agency_id`,
  );
  const evidence = await executeRows<CountRow>(
    db,
    sql`select v.agency_id, count(*) filter (where f.id is null) as a, count(*) filter (where f.id is not null) as b
        from field_visits v left join case_flags f on f.visit_id = v.id and f.rule = ${EVIDENCE_MISSING_RULE}
        where v.agency_id in ${agencies} and v.status = 'visited' and v.visited_at >= ${from}::timestamptz and v.visited_at < ${to}::timestamptz
          and (v.visited_at <= ${cutoff}::timestamptz or f.id is not null)
        group by v.agency_id`,
  );
  const flagged = await executeRows<CountRow>(
    db,
    sql`select agency_id, count(*) as a, 0 as b from case_actions
        where agency_id in ${agencies} and at >= ${from}::timestamptz and at < ${to}::timestamptz and jsonb_array_length(flags) > 0
        group by agency_id`,
  );
  const upheld = await executeRows<CountRow>(
    db,
    sql`select agency_id, count(*) as a, count(*) filter (where category in (${sql.join(
      ABUSE_CATEGORIES.map((c) => sql`${c}`),
      sql`, `,
    )})) as b from complaints
        where agency_id in ${agencies} and outcome = 'upheld' and decided_at >= ${from}::timestamptz and decided_at < ${to}::timestamptz
        group by agency_id`,
  );
  const answers = await executeRows<CountRow>(
    db,
    sql`select agency_id, count(*) filter (where responded_at <= response_due_at) as a, count(*) filter (where responded_at is null or responded_at > response_due_at) as b
        from complaints
        where agency_id in ${agencies} and response_due_at >= ${from}::timestamptz and response_due_at < ${to}::timestamptz
          and response_due_at <= ${now.toISOString()}::timestamptz
          and not (responded_at is null and decided_at is not null and decided_at < response_due_at)
        group by agency_id`,
  );
  const history = await executeRows<{ agency_id: string; month: string; month_score_bp: number | string }>(
    db,
    sql`select agency_id, month, month_score_bp from scorecards
        where agency_id in ${agencies} and month in (${addMonths(month, -1)}, ${addMonths(month, -2)}) order by agency_id, month desc`,
  );

  const entry = (id: string) => byAgency.get(id);
  for (const r of ratings) {
    const e = entry(r.agency_id);
    if (e) e.ratings = r.ratings.split(',').map(Number);
  }
  for (const r of commissionRows) {
    const c: CommissionInput = {
      commissionId: r.id,
      cases: n(r.case_count),
      placed: n(r.total_overdue),
      expectedRecoveryBp: n(r.expected_bp),
      termDays: n(r.term_days),
      activeDays: n(r.active_days),
      recovered: n(r.recovered),
    };
    entry(r.agency_id)?.commissions.push(c);
  }
  const [v, ev, fl, up, an] = [
    countsBy(visits),
    countsBy(evidence),
    countsBy(flagged),
    countsBy(upheld),
    countsBy(answers),
  ];
  for (const [id, e] of byAgency) {
    const [visitsOnTime, visitsLate] = v.get(id) ?? [0, 0];
    const [evidenceOnTime, evidenceLate] = ev.get(id) ?? [0, 0];
    const [upheldComplaints, upheldAbuse] = up.get(id) ?? [0, 0];
    const [answersOnTime, answersLate] = an.get(id) ?? [0, 0];
    e.reporting = { visitsOnTime, visitsLate, evidenceOnTime, evidenceLate };
    e.compliance = { flaggedActions: fl.get(id)?.[0] ?? 0, upheldComplaints, upheldAbuse };
    e.responsiveness = { answersOnTime, answersLate };
  }
  for (const h of history) entry(h.agency_id)?.history.push({ month: h.month, monthScoreBp: n(h.month_score_bp) });
  if (version >= 3) await gatherCalls(db, byAgency, agencies, from, to, now);
  return byAgency;
};

type CallCountRow = { agency_id: string; calls: number | string; records: number | string; shadow: number | string };
type ActionCountRow = { agency_id: string; logged: number | string; phantom: number | string };
type InspectionRow = {
  agency_id: string;
  platform: number | string;
  average: number | string | null;
  fatal: number | string;
  own: number | string;
};

/** v3: the month's call records, their checks, the logged contacts they pair with, and the inspections. */
const gatherCalls = async (
  db: DbOrTx,
  byAgency: Map<string, ScorecardInputs>,
  agencies: SQL,
  from: string,
  to: string,
  now: Date,
) => {
  const records = await executeRows<CallCountRow>(
    db,
    sql`select r.agency_id, count(*) filter (where r.kind = 'call') as calls, count(*) as records,
               count(*) filter (where ${isShadowSql(now)}) as shadow
        from call_records r
        where r.agency_id in ${agencies} and r.started_at >= ${from}::timestamptz and r.started_at < ${to}::timestamptz
          and r.case_id is not null and r.direction = 'outbound'
        group by r.agency_id`,
  );
  const violations = await executeRows<CountRow>(
    db,
    sql`select agency_id, count(*) as a, 0 as b from call_checks
        where agency_id in ${agencies} and started_at >= ${from}::timestamptz and started_at < ${to}::timestamptz
          and jsonb_array_length(violations) > 0
        group by agency_id`,
  );
  // A logged contact counts once the agency's dialer (or gateway) had sent a record of
  // its channel by then, as pairing.ts's phantom does: before, nothing could pair with it.
  const actions = await executeRows<ActionCountRow>(
    db,
    sql`select a.agency_id, count(*) as logged, count(*) filter (where ${isPhantomSql(now)}) as phantom
        from case_actions a
        where a.agency_id in ${agencies} and a.at >= ${from}::timestamptz and a.at < ${to}::timestamptz
          and a.channel in ('call', 'sms') and a.corrects_id is null and a.phone_idx is not null
          and a.at < ${now.toISOString()}::timestamptz - ${sql.raw(`interval '${PHANTOM_GRACE_MS / 1000} seconds'`)}
          and exists (select 1 from call_records src
                      where src.agency_id = a.agency_id and src.kind::text = a.channel::text and src.started_at <= a.at)
        group by a.agency_id`,
  );
  const inspections = await executeRows<InspectionRow>(
    db,
    sql`select agency_id, count(*) filter (where side = 'platform') as platform,
               round(avg(score_bp) filter (where side = 'platform')) as average,
               count(*) filter (where side = 'platform' and jsonb_array_length(fatal_failed) > 0) as fatal,
               count(*) filter (where side = 'agency') as own
        from call_inspections
        where agency_id in ${agencies} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
        group by agency_id`,
  );
  const [rec, vi, act, ins] = [
    new Map(records.map((r) => [r.agency_id, r])),
    countsBy(violations),
    new Map(actions.map((r) => [r.agency_id, r])),
    new Map(inspections.map((r) => [r.agency_id, r])),
  ];
  for (const [id, e] of byAgency) {
    const r = rec.get(id);
    const a = act.get(id);
    const i = ins.get(id);
    e.calls = {
      outboundCalls: n(r?.calls),
      violations: vi.get(id)?.[0] ?? 0,
      outboundRecords: n(r?.records),
      shadowContacts: n(r?.shadow),
      loggedContacts: n(a?.logged),
      phantomActions: n(a?.phantom),
    };
    e.inspections = {
      byPlatform: n(i?.platform),
      averageScoreBp: n(i?.average),
      fatalFindings: n(i?.fatal),
      byAgency: n(i?.own),
    };
  }
};
