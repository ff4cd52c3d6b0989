import { and, asc, eq, inArray, isNull, lte, gte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { agencyRatings, commissions, organizations } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { recomputeForRatings } from './compute';
import { addMonths, monthEnd, monthOf, monthStartsAt } from '@/lib/months';

// Creditors' monthly ratings of their agencies (DESIGN §7: 35 of the scorecard's 100
// points): 1–5 with a comment, for this month or last month, of an agency the creditor
// commissioned during that month. Rating again replaces the month's rating.

/** Commissions of the creditor with the agency whose term touched the month and had not ended before it. */
const commissionedIn = (creditorId: string, month: string): SQL =>
  and(
    eq(commissions.creditorId, creditorId),
    lte(commissions.startsOn, monthEnd(month)),
    gte(commissions.endsOn, `${month}-01`),
    or(isNull(commissions.endedAt), gte(commissions.endedAt, monthStartsAt(month))),
  ) as SQL;

/** The two months a creditor may rate now: this one and the one before (Beijing). */
export const ratableMonths = (now: Date) => {
  const current = monthOf(now);
  return { current, previous: addMonths(current, -1) };
};

export type RateInput = { agencyId: string; month: string; rating: number; comment: string };

/**
 * The creditor rates an agency for this month or last month. An agency it did not
 * commission during that month answers NOT_FOUND, as if unknown. A rating of a month
 * that has ended queues that month's cards to be computed again.
 */
export const rateAgency = async (db: DbOrTx, caller: Caller, input: RateInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const { current, previous } = ratableMonths(now);
    if (input.month !== current && input.month !== previous)
      throw new DomainError('rating.month', { field: 'month', values: { current, previous } });
    const creditorId = caller.actor.orgId;
    const [commissioned] = await tx
      .select({ id: commissions.id })
      .from(commissions)
      .where(and(commissionedIn(creditorId, input.month), eq(commissions.agencyId, input.agencyId)))
      .limit(1);
    if (!commissioned) throw new DomainError('rating.agencyNotFound', { field: 'agencyId' });
    const [before] = await tx
      .select({ rating: agencyRatings.rating, comment: agencyRatings.comment })
      .from(agencyRatings)
      .where(
        and(
          eq(agencyRatings.creditorId, creditorId),
          eq(agencyRatings.agencyId, input.agencyId),
          eq(agencyRatings.month, input.month),
        ),
      );
    const comment = input.comment.trim();
    const [saved] = await tx
      .insert(agencyRatings)
      .values({
        creditorId,
        agencyId: input.agencyId,
        month: input.month,
        rating: input.rating,
        comment,
        ratedBy: caller.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [agencyRatings.creditorId, agencyRatings.agencyId, agencyRatings.month],
        set: { rating: input.rating, comment, ratedBy: caller.actor.userId, updatedAt: now },
      })
      .returning();
    if (!saved) throw new DomainError('rating.agencyNotFound', { field: 'agencyId' });
    await writeAudit(tx, caller, {
      action: 'scorecard.rate',
      resourceType: 'organization',
      resourceId: input.agencyId,
      orgId: creditorId,
      before: before ?? null,
      after: { month: input.month, rating: input.rating, comment },
    });
    if (input.month < current) await recomputeForRatings(tx, input.month, now);
    return {
      agencyId: saved.agencyId,
      month: saved.month,
      rating: saved.rating,
      comment: saved.comment,
      ratedAt: saved.updatedAt,
    };
  });

/**
 * The agencies the creditor commissioned this month or last month, each with its rating
 * of both months (or none yet) and whether that month may still be rated.
 */
export const listRatings = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  const { current, previous } = ratableMonths(now);
  const months = [current, previous];
  const creditorId = caller.actor.orgId;
  const active = await db
    .select({
      agencyId: commissions.agencyId,
      agencyName: organizations.name,
      inCurrent: sql<boolean>`bool_or(${commissionedIn(creditorId, current)})`,
      inPrevious: sql<boolean>`bool_or(${commissionedIn(creditorId, previous)})`,
    })
    .from(commissions)
    .innerJoin(organizations, eq(organizations.id, commissions.agencyId))
    .where(or(commissionedIn(creditorId, current), commissionedIn(creditorId, previous)))
    .groupBy(commissions.agencyId, organizations.name)
    .orderBy(asc(organizations.name));
  const ids = active.map((a) => a.agencyId);
  const ratings = ids.length
    ? await db
        .select()
        .from(agencyRatings)
        .where(
          and(
            eq(agencyRatings.creditorId, creditorId),
            inArray(agencyRatings.agencyId, ids),
            inArray(agencyRatings.month, months),
          ),
        )
    : [];
  return {
    current,
    previous,
    agencies: active.map((a) => ({
      agencyId: a.agencyId,
      agencyName: a.agencyName,
      months: months.map((month) => {
        const r = ratings.find((x) => x.agencyId === a.agencyId && x.month === month);
        return {
          month,
          canRate: Boolean(month === current ? a.inCurrent : a.inPrevious),
          rating: r?.rating ?? null,
          comment: r?.comment ?? '',
          ratedAt: r?.updatedAt ?? null,
        };
      }),
    })),
  };
};
