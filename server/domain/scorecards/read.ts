import { and, asc, desc, eq, exists, inArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { bids, commissions, organizations, packages, scorecards, type Scorecard } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { DomainError } from '../../errors';
import { isComputing } from './compute';
import { casesOf, recoveryOf, type Components, type ScorecardInputs } from './formula';
import { monthOf } from '@/lib/months';

// Who reads an agency's scorecards: the agency itself, platform staff, and creditors that
// deal with it: it works or worked their cases, or bid on one of their packages (they
// compare bids by score). Anyone else is told the agency has no scorecard (NOT_FOUND).

/** Months of the trend: the last twelve that have a card. */
export const TREND_MONTHS = 12;

/**
 * The inputs as a creditor may read them: its own commissions as they are, every other
 * creditor's without its id (in the same order and figures, so the formula gives the
 * same score), so nothing names another creditor's commission.
 */
const asSeenBy = (inputs: ScorecardInputs, ownCommissionIds: ReadonlySet<string> | null): ScorecardInputs => {
  if (!ownCommissionIds) return inputs;
  let n = 0;
  return {
    ...inputs,
    commissions: inputs.commissions.map((c) =>
      ownCommissionIds.has(c.commissionId) ? c : { ...c, commissionId: `other-${(n += 1)}` },
    ),
  };
};

/** A creditor's own commissions with the agency (what it may see of the card's inputs); null for the agency itself and staff. */
const ownCommissions = async (db: DbOrTx, caller: Caller, agencyId: string) =>
  caller.actor.orgType === 'creditor'
    ? new Set(
        (
          await db
            .select({ id: commissions.id })
            .from(commissions)
            .where(and(eq(commissions.creditorId, caller.actor.orgId), eq(commissions.agencyId, agencyId)))
        ).map((r) => r.id),
      )
    : null;

const cardView = (c: Scorecard, own: ReadonlySet<string> | null) => {
  const inputs = asSeenBy(c.inputs as ScorecardInputs, own);
  const { expected, recovered } = recoveryOf(inputs.commissions);
  return {
    id: c.id,
    month: c.month,
    formulaVersion: c.formulaVersion,
    monthScoreBp: c.monthScoreBp,
    scoreBp: c.scoreBp,
    isZeroed: c.isZeroed === 1,
    components: c.components as Components,
    inputs,
    /** What the screens show beside the components: the month's expected and recovered money (fen) and cases placed. */
    figures: { expectedRecovery: Math.round(expected), recovered, cases: casesOf(inputs.commissions) },
    computedAt: c.computedAt,
  };
};
export type ScorecardView = ReturnType<typeof cardView>;

/** The agency, when the caller may read its scorecards; NOT_FOUND otherwise. */
const readableAgency = async (db: DbOrTx, caller: Caller, agencyId: string) => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'agency' && agencyId !== orgId) throw new DomainError('scorecard.notFound', { field: 'agencyId' });
  const dealsWith =
    orgType === 'creditor'
      ? or(
          exists(
            db
              .select({ one: sql`1` })
              .from(commissions)
              .where(and(eq(commissions.creditorId, orgId), eq(commissions.agencyId, organizations.id))),
          ),
          exists(
            db
              .select({ one: sql`1` })
              .from(bids)
              .innerJoin(packages, eq(packages.id, bids.packageId))
              .where(and(eq(packages.creditorId, orgId), eq(bids.agencyId, organizations.id))),
          ),
        )
      : undefined;
  const [agency] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, agencyId), eq(organizations.type, 'agency'), dealsWith));
  if (!agency) throw new DomainError('scorecard.notFound', { field: 'agencyId' });
  return agency;
};

/**
 * One agency's scorecard of a month (the latest when no month is named) with its
 * components and inputs, and the trend: the last twelve months that have a card, oldest first.
 */
export const agencyScorecard = async (db: DbOrTx, caller: Caller, agencyId: string, month?: string | null) => {
  const agency = await readableAgency(db, caller, agencyId);
  const recent = await db
    .select()
    .from(scorecards)
    .where(eq(scorecards.agencyId, agency.id))
    .orderBy(desc(scorecards.month))
    .limit(TREND_MONTHS);
  const picked = month
    ? (recent.find((c) => c.month === month) ??
      (
        await db
          .select()
          .from(scorecards)
          .where(and(eq(scorecards.agencyId, agency.id), eq(scorecards.month, month)))
      )[0])
    : recent[0];
  return {
    agency,
    card: picked ? cardView(picked, await ownCommissions(db, caller, agency.id)) : null,
    trend: recent
      .reverse()
      .map((c) => ({ month: c.month, scoreBp: c.scoreBp, monthScoreBp: c.monthScoreBp, isZeroed: c.isZeroed === 1 })),
  };
};

/**
 * What anyone entitled downloads to check a card: the formula version, every input and
 * the stored results. `computeScorecard(inputs, formulaVersion)` gives `result` again.
 */
export const scorecardExport = async (db: DbOrTx, caller: Caller, agencyId: string, month: string) => {
  const agency = await readableAgency(db, caller, agencyId);
  const [card] = await db
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.agencyId, agency.id), eq(scorecards.month, month)));
  if (!card) throw new DomainError('scorecard.notFound', { field: 'month' });
  const v = cardView(card, await ownCommissions(db, caller, agency.id));
  return {
    formulaVersion: v.formulaVersion,
    agency,
    month: v.month,
    inputs: v.inputs,
    result: { components: v.components, monthScoreBp: v.monthScoreBp, scoreBp: v.scoreBp, isZeroed: v.isZeroed },
    computedAt: v.computedAt,
  };
};

/** Staff: every agency's card of a month, best first, and whether a computation of it is under way. */
export const monthScorecards = async (db: DbOrTx, month: string, now = new Date()) => {
  const rows = await db
    .select({ card: scorecards, agencyName: organizations.name, agencyStatus: organizations.status })
    .from(scorecards)
    .innerJoin(organizations, eq(organizations.id, scorecards.agencyId))
    .where(eq(scorecards.month, month))
    .orderBy(desc(scorecards.scoreBp), asc(organizations.name));
  return {
    month,
    isEnded: month < monthOf(now),
    isComputing: await isComputing(db, month, now),
    computedAt: rows.reduce<Date | null>((at, r) => (at && at > r.card.computedAt ? at : r.card.computedAt), null),
    cards: rows.map((r) => ({
      agencyId: r.card.agencyId,
      agencyName: r.agencyName,
      agencyStatus: r.agencyStatus,
      ...cardView(r.card, null),
    })),
  };
};

/** SQL: an agency's current score, that of its latest card (null before its first). */
export const currentScoreSql = (agencyId: AnyColumn) =>
  sql<
    number | null
  >`(select ${scorecards.scoreBp} from ${scorecards} where ${eq(scorecards.agencyId, agencyId)} order by ${scorecards.month} desc limit 1)`;

/** Each agency's current score: that of its latest card (for comparing bids). */
export const currentScores = async (db: DbOrTx, agencyIds: readonly string[]) => {
  if (agencyIds.length === 0) return new Map<string, { scoreBp: number; month: string }>();
  const rows = await db
    .selectDistinctOn([scorecards.agencyId], {
      agencyId: scorecards.agencyId,
      scoreBp: scorecards.scoreBp,
      month: scorecards.month,
    })
    .from(scorecards)
    .where(inArray(scorecards.agencyId, [...agencyIds]))
    .orderBy(scorecards.agencyId, desc(scorecards.month));
  return new Map(rows.map((r) => [r.agencyId, { scoreBp: r.scoreBp, month: r.month }]));
};
