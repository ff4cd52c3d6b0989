import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { creditorScorecards, organizations, type CreditorScorecard } from '@/db/schema';
import { DomainError } from '../../errors';
import { isComputing } from './compute';
import type { CreditorComponents, CreditorScorecardInputs } from './creditor-formula';
import { TREND_MONTHS } from './read';
import { monthOf } from '@/lib/months';

// Who reads a creditor's scorecards: platform staff every one, a creditor its own (its
// inputs hold the ratings as bare numbers, never which agency gave which), and agencies
// only its current score, beside its packages in the marketplace (packages/market.ts).

const cardView = (c: CreditorScorecard) => ({
  id: c.id,
  month: c.month,
  formulaVersion: c.formulaVersion,
  monthScoreBp: c.monthScoreBp,
  scoreBp: c.scoreBp,
  components: c.components as CreditorComponents,
  inputs: c.inputs as CreditorScorecardInputs,
  computedAt: c.computedAt,
});
export type CreditorScorecardView = ReturnType<typeof cardView>;

/**
 * One creditor's card of a month (the latest when no month is named) and its trend: the
 * last twelve months that have a card, oldest first. The caller's right to this creditor
 * is settled by the procedure (staff any, a creditor its own); not a creditor: NOT_FOUND.
 */
export const creditorScorecard = async (db: DbOrTx, creditorId: string, month?: string | null) => {
  const [creditor] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, creditorId), eq(organizations.type, 'creditor')));
  if (!creditor) throw new DomainError('creditorScorecard.notFound', { field: 'creditorId' });
  const recent = await db
    .select()
    .from(creditorScorecards)
    .where(eq(creditorScorecards.creditorId, creditor.id))
    .orderBy(desc(creditorScorecards.month))
    .limit(TREND_MONTHS);
  const picked = month
    ? (recent.find((c) => c.month === month) ??
      (
        await db
          .select()
          .from(creditorScorecards)
          .where(and(eq(creditorScorecards.creditorId, creditor.id), eq(creditorScorecards.month, month)))
      )[0])
    : recent[0];
  return {
    creditor,
    card: picked ? cardView(picked) : null,
    trend: recent.reverse().map((c) => ({ month: c.month, scoreBp: c.scoreBp, monthScoreBp: c.monthScoreBp })),
  };
};

/** Staff: every creditor's card of a month, best first, and whether a computation of it is under way. */
export const monthCreditorScorecards = async (db: DbOrTx, month: string, now = new Date()) => {
  const rows = await db
    .select({ card: creditorScorecards, creditorName: organizations.name, creditorStatus: organizations.status })
    .from(creditorScorecards)
    .innerJoin(organizations, eq(organizations.id, creditorScorecards.creditorId))
    .where(eq(creditorScorecards.month, month))
    .orderBy(desc(creditorScorecards.scoreBp), asc(organizations.name));
  return {
    month,
    isEnded: month < monthOf(now),
    isComputing: await isComputing(db, month, now),
    computedAt: rows.reduce<Date | null>((at, r) => (at && at > r.card.computedAt ? at : r.card.computedAt), null),
    cards: rows.map((r) => ({
      creditorId: r.card.creditorId,
      creditorName: r.creditorName,
      creditorStatus: r.creditorStatus,
      ...cardView(r.card),
    })),
  };
};

/** Each creditor's current score: that of its latest card (recent months weighed 3 : 2 : 1), for the marketplace. */
export const currentCreditorScores = async (db: DbOrTx, creditorIds: readonly string[]) => {
  if (creditorIds.length === 0) return new Map<string, { scoreBp: number; month: string }>();
  const rows = await db
    .selectDistinctOn([creditorScorecards.creditorId], {
      creditorId: creditorScorecards.creditorId,
      scoreBp: creditorScorecards.scoreBp,
      month: creditorScorecards.month,
    })
    .from(creditorScorecards)
    .where(inArray(creditorScorecards.creditorId, [...new Set(creditorIds)]))
    .orderBy(creditorScorecards.creditorId, desc(creditorScorecards.month));
  return new Map(rows.map((r) => [r.creditorId, { scoreBp: r.scoreBp, month: r.month }]));
};
