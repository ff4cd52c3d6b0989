import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cases, planInstalments, type CaseRow } from '@/db/schema';
import { planInForce } from '../work/plans';
import { bucketDays, CURRENT_BUCKET } from '@/lib/cases';
import { shanghaiDate } from '@/lib/dates';

// A case ages (DESIGN §2): days overdue and the bucket are counted on the day they are
// read, in Beijing, from the date of the first payment the debtor missed (`overdue_since`).
// The import derives that date from the file's days overdue; a plan in force moves it to
// its first instalment not yet paid (a broken plan gives the filed date back), and a case
// paid up is current (null).
// Lists filter a bucket as a range of that indexed date, so a filter stays an index scan.

/** Today in Beijing, the day figures are read on. */
export const todayOf = (now: Date = new Date()): string => shanghaiDate(now);

/** Days overdue on `today`, in SQL: none while current or before the first missed date. */
export const daysOverdueSql = (today: string, since: SQL | typeof cases.overdueSince = cases.overdueSince) =>
  sql<number>`coalesce(greatest(0, ${today}::date - ${since}), 0)`.mapWith(Number);

/** The bucket on `today`, in SQL: 0 (M0, current) … 12 (M12+). */
export const bucketSql = (today: string, since: SQL | typeof cases.overdueSince = cases.overdueSince) =>
  sql<number>`least(12, (coalesce(greatest(0, ${today}::date - ${since}), 0) + 29) / 30)`.mapWith(Number);

/** Cases in `bucket` on `today`: a range of `overdue_since`, which the case indexes serve. */
export const inBucket = (bucket: number, today: string): SQL => {
  if (bucket <= CURRENT_BUCKET) return sql`(${cases.overdueSince} is null or ${cases.overdueSince} >= ${today}::date)`;
  const { from, to } = bucketDays(bucket);
  const newest = sql`${cases.overdueSince} <= ${today}::date - ${from}::int`;
  return to === null ? newest : sql`(${newest} and ${cases.overdueSince} >= ${today}::date - ${to}::int)`;
};

/** Cases in any of `buckets` on `today`. */
export const inBuckets = (buckets: readonly number[], today: string): SQL =>
  buckets.length === 1
    ? inBucket(buckets[0] ?? 0, today)
    : sql`(${sql.join(
        buckets.map((b) => inBucket(b, today)),
        sql` or `,
      )})`;

/**
 * Where the case's days overdue count from now: under a plan in force, the due date of its
 * first instalment not fully paid (none once every instalment is paid); with no plan, or
 * once the plan broke, none when paid up, or else the date the case file gave.
 */
export const overdueSinceOf = async (
  db: DbOrTx,
  c: Pick<CaseRow, 'id' | 'overdueFrom' | 'repaidAmount' | 'amountOverdue' | 'status'>,
): Promise<string | null> => {
  if (c.status === 'settled') return null;
  const plan = await planInForce(db, c.id);
  if (plan) {
    const [first] = await db
      .select({ dueDate: planInstalments.dueDate })
      .from(planInstalments)
      .where(and(eq(planInstalments.planId, plan.id), sql`${planInstalments.paidAmount} < ${planInstalments.amount}`))
      .orderBy(asc(planInstalments.no))
      .limit(1);
    return first?.dueDate ?? null;
  }
  return overdueSinceWithoutPlan(c);
};

/** Where days overdue count from for a case with no plan in force: none once paid up, else the filed date. */
export const overdueSinceWithoutPlan = (
  c: Pick<CaseRow, 'overdueFrom' | 'repaidAmount' | 'amountOverdue' | 'status'>,
): string | null => (c.status === 'settled' || c.repaidAmount >= c.amountOverdue ? null : c.overdueFrom);

/**
 * Counts the case's days overdue from where its payments and plan say, in the caller's
 * transaction (after the change that moved them: a plan approved, a repayment confirmed or
 * reversed). Returns the new date.
 */
export const refreshOverdueSince = async (db: DbOrTx, caseId: string): Promise<string | null> => {
  const [c] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!c) return null;
  const since = await overdueSinceOf(db, c);
  if (since !== c.overdueSince) await db.update(cases).set({ overdueSince: since }).where(eq(cases.id, caseId));
  return since;
};
