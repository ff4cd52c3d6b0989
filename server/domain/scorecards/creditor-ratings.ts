import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { commissions, creditorRatings, creditorScorecards, organizations } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { lockCreditorMonth } from './creditor-compute';
import { ratableMonths } from './ratings';
import { monthEnd, monthStartsAt } from '@/lib/months';

// Agencies' monthly ratings of the creditors they work for: 1–5 for the data quality of
// the case files (wrong numbers, missing contacts, stale balances), with an optional
// comment, for this month or last month, of a creditor whose commission with the agency
// touched that month (40 of the creditor scorecard's 100 points). Rating again replaces
// the month's rating, until the creditor's card of that month is computed: from then on
// the month is closed, so a card never moves under a rating given after it.

/** Commissions of the agency with the creditor whose term touched the month and had not ended before it. */
const workedIn = (agencyId: string, month: string): SQL =>
  and(
    eq(commissions.agencyId, agencyId),
    lte(commissions.startsOn, monthEnd(month)),
    gte(commissions.endsOn, `${month}-01`),
    or(isNull(commissions.endedAt), gte(commissions.endedAt, monthStartsAt(month))),
  ) as SQL;

export type RateCreditorInput = { creditorId: string; month: string; rating: number; comment: string };

/**
 * The agency rates a creditor for this month or last month. A creditor it had no
 * commission with during that month answers NOT_FOUND, as if unknown; a month whose card
 * of that creditor is computed is closed (CONFLICT).
 */
export const rateCreditor = async (db: DbOrTx, caller: Caller, input: RateCreditorInput, now = new Date()) =>
  db.transaction(async (tx) => {
    const { current, previous } = ratableMonths(now);
    if (input.month !== current && input.month !== previous)
      throw new DomainError('rating.month', { field: 'month', values: { current, previous } });
    const agencyId = caller.actor.orgId;
    const [worked] = await tx
      .select({ id: commissions.id })
      .from(commissions)
      .where(and(workedIn(agencyId, input.month), eq(commissions.creditorId, input.creditorId)))
      .limit(1);
    if (!worked) throw new DomainError('creditorRating.creditorNotFound', { field: 'creditorId' });
    // The computation of the month's creditor cards takes the same lock: a rating either
    // lands before it reads the ratings, or finds the card and is refused.
    await lockCreditorMonth(tx, input.month);
    const [card] = await tx
      .select({ id: creditorScorecards.id })
      .from(creditorScorecards)
      .where(and(eq(creditorScorecards.creditorId, input.creditorId), eq(creditorScorecards.month, input.month)));
    if (card) throw new DomainError('creditorRating.closed', { field: 'month', values: { month: input.month } });
    const [before] = await tx
      .select({ rating: creditorRatings.rating, comment: creditorRatings.comment })
      .from(creditorRatings)
      .where(
        and(
          eq(creditorRatings.agencyId, agencyId),
          eq(creditorRatings.creditorId, input.creditorId),
          eq(creditorRatings.month, input.month),
        ),
      );
    const comment = input.comment.trim();
    const [saved] = await tx
      .insert(creditorRatings)
      .values({
        agencyId,
        creditorId: input.creditorId,
        month: input.month,
        rating: input.rating,
        comment,
        ratedBy: caller.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [creditorRatings.agencyId, creditorRatings.creditorId, creditorRatings.month],
        set: { rating: input.rating, comment, ratedBy: caller.actor.userId, updatedAt: now },
      })
      .returning();
    if (!saved) throw new DomainError('creditorRating.creditorNotFound', { field: 'creditorId' });
    await writeAudit(tx, caller, {
      action: 'creditorScorecard.rate',
      resourceType: 'organization',
      resourceId: input.creditorId,
      orgId: agencyId,
      before: before ?? null,
      after: { month: input.month, rating: input.rating, comment },
    });
    return {
      creditorId: saved.creditorId,
      month: saved.month,
      rating: saved.rating,
      comment: saved.comment,
      ratedAt: saved.updatedAt,
    };
  });

/**
 * The creditors the agency worked for this month or last month, each with the agency's
 * rating of both months (or none yet) and whether that month may still be rated.
 */
export const listCreditorRatings = async (db: DbOrTx, caller: Caller, now = new Date()) => {
  const { current, previous } = ratableMonths(now);
  const months = [current, previous];
  const agencyId = caller.actor.orgId;
  const worked = await db
    .select({
      creditorId: commissions.creditorId,
      creditorName: organizations.name,
      inCurrent: sql<boolean>`bool_or(${workedIn(agencyId, current)})`,
      inPrevious: sql<boolean>`bool_or(${workedIn(agencyId, previous)})`,
    })
    .from(commissions)
    .innerJoin(organizations, eq(organizations.id, commissions.creditorId))
    .where(or(workedIn(agencyId, current), workedIn(agencyId, previous)))
    .groupBy(commissions.creditorId, organizations.name)
    .orderBy(asc(organizations.name));
  const ids = worked.map((c) => c.creditorId);
  const [ratings, cards] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(creditorRatings)
          .where(
            and(
              eq(creditorRatings.agencyId, agencyId),
              inArray(creditorRatings.creditorId, ids),
              inArray(creditorRatings.month, months),
            ),
          ),
        db
          .select({ creditorId: creditorScorecards.creditorId, month: creditorScorecards.month })
          .from(creditorScorecards)
          .where(and(inArray(creditorScorecards.creditorId, ids), inArray(creditorScorecards.month, months))),
      ])
    : [[], []];
  return {
    current,
    previous,
    creditors: worked.map((c) => ({
      creditorId: c.creditorId,
      creditorName: c.creditorName,
      months: months.map((month) => {
        const r = ratings.find((x) => x.creditorId === c.creditorId && x.month === month);
        const isWorked = Boolean(month === current ? c.inCurrent : c.inPrevious);
        const isClosed = cards.some((x) => x.creditorId === c.creditorId && x.month === month);
        return {
          month,
          isWorked,
          canRate: isWorked && !isClosed,
          isClosed,
          rating: r?.rating ?? null,
          comment: r?.comment ?? '',
          ratedAt: r?.updatedAt ?? null,
        };
      }),
    })),
  };
};
