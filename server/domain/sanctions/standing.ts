import { and, desc, eq, gte, isNull, or, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sanctions } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';

// A sanction suspension (DESIGN §3) is milder than the organization status `suspended`:
// the agency keeps working its cases (unless a creditor freezes them) but takes no new
// bids, offers or awards. It is in force from the moment it is recorded until it is
// lifted, revoked on appeal, or its last day (Beijing) has passed.

/** SQL: an active suspension of the agency whose id is `agencyId` is in force on `today` (YYYY-MM-DD, Beijing). */
export const suspensionInForce = (agencyId: SQLWrapper | string, today: string): SQL =>
  and(
    eq(sanctions.agencyId, agencyId),
    eq(sanctions.kind, 'suspension'),
    eq(sanctions.status, 'active'),
    or(isNull(sanctions.endsOn), gte(sanctions.endsOn, today)),
  ) as SQL;

/** SQL boolean for a select list: is the agency in column `agencyId` suspended today? */
export const isSuspendedSql = (agencyId: AnyColumn, now: Date): SQL<boolean> =>
  sql<boolean>`exists (select 1 from ${sanctions} where ${suspensionInForce(agencyId, shanghaiDate(now))})`.mapWith(
    Boolean,
  );

/** What an error says of a suspension's end: its last day, or `open` (the catalog's select reads it as "until lifted"). */
export const untilOf = (s: Pick<Suspension, 'endsOn'>) => ({ values: { until: s.endsOn ?? 'open' } });

export type Suspension = { sanctionId: string; endsOn: string | null };

/** The suspension in force on the agency, the one lasting longest first (open-ended before dated); null when none. */
export const suspensionOf = async (db: DbOrTx, agencyId: string, now = new Date()): Promise<Suspension | null> => {
  const [row] = await db
    .select({ sanctionId: sanctions.id, endsOn: sanctions.endsOn })
    .from(sanctions)
    .where(suspensionInForce(agencyId, shanghaiDate(now)))
    .orderBy(sql`${sanctions.endsOn} desc nulls first`, desc(sanctions.createdAt))
    .limit(1);
  return row ?? null;
};
