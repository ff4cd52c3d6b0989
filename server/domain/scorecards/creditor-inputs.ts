import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { shanghaiDate } from '@/lib/dates';
import { addMonths, monthStartsAt } from '@/lib/months';
import type { WorkingCalendar } from '@/lib/working-calendar';
import { executeRows } from '../shared/execute';
import { emptyCreditorInputs, PAYMENT_WORKING_DAYS, type CreditorScorecardInputs } from './creditor-formula';

// What creditor formula v1 reads of one month, for every creditor at once: a handful of
// grouped queries over the month's rows, whatever the number of creditors.
//
// - Ratings: the month's data-quality ratings by the agencies that worked its cases.
// - Answers on time: restructure requests outside the package's bands (those within them
//   were approved at once and owed no answer) whose 3-working-day deadline fell in the
//   month and had passed: approved or rejected by it, or not (expired, or still waiting for
//   the expiry job). Beside it, holds on collection (a debtor reported deceased, a debt
//   disputed) whose 5-working-day answer fell due in the month and had passed: answered by
//   then, or not (answered late, or still open); one the agency withdrew was owed no answer.
// - Statements paid on time: statements both sides agreed, whose payment deadline (the
//   10th working day after the day the second side agreed, Beijing) fell in the month: paid
//   on or before that day, or not. The deadline is counted in the working calendar here,
//   so candidates are read from two months back (10 working days never span more).
// - History: the month scores of the two months before, as stored.

type CountRow = { creditor_id: string; a: number | string; b: number | string };
const n = (v: number | string | null | undefined) => Number(v ?? 0);

/** The day a statement agreed at `agreedAt` is to be paid by (Beijing `YYYY-MM-DD`). */
export const paymentDueDay = (calendar: WorkingCalendar, agreedAt: Date) =>
  shanghaiDate(calendar.addWorkingDays(agreedAt, PAYMENT_WORKING_DAYS));

/** The month's inputs of each of the given creditors (every one gets an entry, empty when nothing happened). */
export const gatherCreditorInputs = async (
  db: DbOrTx,
  creditorIds: readonly string[],
  month: string,
  now: Date,
  calendar: WorkingCalendar,
): Promise<Map<string, CreditorScorecardInputs>> => {
  const byCreditor = new Map(creditorIds.map((id) => [id, emptyCreditorInputs(month)]));
  if (creditorIds.length === 0) return byCreditor;
  const from = monthStartsAt(month).toISOString();
  const to = monthStartsAt(addMonths(month, 1)).toISOString();
  const candidatesFrom = monthStartsAt(addMonths(month, -2)).toISOString();
  const creditors = sql`(${sql.join(
    creditorIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;

  const ratings = await executeRows<{ creditor_id: string; ratings: string }>(
    db,
    sql`select creditor_id, string_agg(rating::text, ',' order by rating) as ratings from creditor_ratings
        where month = ${month} and creditor_id in ${creditors} group by creditor_id`,
  );
  const restructures = await executeRows<CountRow>(
    db,
    sql`select creditor_id,
               count(*) filter (where status in ('approved', 'rejected') and decided_at <= expires_at) as a,
               count(*) filter (where not (status in ('approved', 'rejected') and decided_at <= expires_at)) as b
        from restructure_requests
        where creditor_id in ${creditors} and not is_auto_approved
          and expires_at >= ${from}::timestamptz and expires_at < ${to}::timestamptz
          and expires_at <= ${now.toISOString()}::timestamptz
        group by creditor_id`,
  );
  const holds = await executeRows<CountRow>(
    db,
    sql`select creditor_id,
               count(*) filter (where status in ('closed', 'continued') and decided_at <= answer_due_at) as a,
               count(*) filter (where not (status in ('closed', 'continued') and decided_at <= answer_due_at)) as b
        from case_holds
        where creditor_id in ${creditors} and status <> 'withdrawn'
          and answer_due_at >= ${from}::timestamptz and answer_due_at < ${to}::timestamptz
          and answer_due_at <= ${now.toISOString()}::timestamptz
        group by creditor_id`,
  );
  const statements = await executeRows<{
    creditor_id: string;
    agreed_at: Date | string;
    paid_at: Date | string | null;
  }>(
    db,
    sql`select creditor_id, greatest(creditor_agreed_at, agency_agreed_at) as agreed_at, paid_at
        from statements
        where creditor_id in ${creditors} and creditor_agreed_at is not null and agency_agreed_at is not null
          and greatest(creditor_agreed_at, agency_agreed_at) >= ${candidatesFrom}::timestamptz
          and greatest(creditor_agreed_at, agency_agreed_at) < ${to}::timestamptz`,
  );
  const history = await executeRows<{ creditor_id: string; month: string; month_score_bp: number | string }>(
    db,
    sql`select creditor_id, month, month_score_bp from creditor_scorecards
        where creditor_id in ${creditors} and month in (${addMonths(month, -1)}, ${addMonths(month, -2)})
        order by creditor_id, month desc`,
  );

  const entry = (id: string) => byCreditor.get(id);
  for (const r of ratings) {
    const e = entry(r.creditor_id);
    if (e) e.ratings = r.ratings.split(',').map(Number);
  }
  for (const r of restructures) {
    const e = entry(r.creditor_id);
    if (e) e.answers.restructures = { onTime: n(r.a), late: n(r.b) };
  }
  for (const r of holds) {
    const e = entry(r.creditor_id);
    if (e) e.answers.holds = { onTime: n(r.a), late: n(r.b) };
  }
  const today = shanghaiDate(now);
  for (const s of statements) {
    const e = entry(s.creditor_id);
    const due = paymentDueDay(calendar, new Date(s.agreed_at));
    // Only deadlines of this month that have passed (a month is computed once it ended, so all of them).
    if (!e || due.slice(0, 7) !== month || due >= today) continue;
    const isOnTime = s.paid_at !== null && shanghaiDate(new Date(s.paid_at)) <= due;
    if (isOnTime) e.statements.onTime += 1;
    else e.statements.late += 1;
  }
  for (const h of history) entry(h.creditor_id)?.history.push({ month: h.month, monthScoreBp: n(h.month_score_bp) });
  return byCreditor;
};
