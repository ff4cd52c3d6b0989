import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps, ts } from './columns';
import { organizations } from './organizations';
import { users } from './users';

// Creditors are scored too: each month the agencies that worked a creditor's cases rate
// the data quality of its case files, and the platform scores the creditor from those
// ratings and from the record (restructure decisions and statements paid on time), so an
// agency deciding whether to bid sees what working for that creditor is like.

/** An agency's monthly rating (1–5, with an optional comment) of the data quality of a creditor's case files. */
export const creditorRatings = pgTable(
  'creditor_ratings',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => organizations.id),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    /** `YYYY-MM` (Beijing). */
    month: text().notNull(),
    rating: smallint().notNull(),
    comment: text().notNull().default(''),
    ratedBy: uuid()
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('creditor_ratings_idx').on(t.agencyId, t.creditorId, t.month),
    index('creditor_ratings_creditor_idx').on(t.creditorId, t.month),
    check('creditor_ratings_range', sql`${t.rating} between 1 and 5`),
  ],
);

/**
 * A creditor's monthly scorecard: the month's own score, the weighted score over recent
 * months, each component, every input and the formula version, so that anyone holding
 * the inputs computes the same score again.
 */
export const creditorScorecards = pgTable(
  'creditor_scorecards',
  {
    id: uuid().primaryKey().defaultRandom(),
    creditorId: uuid()
      .notNull()
      .references(() => organizations.id),
    month: text().notNull(),
    formulaVersion: smallint().notNull(),
    /** The month's own score in basis points of 100 (10000 = 100.00). */
    monthScoreBp: integer().notNull(),
    /** The score shown: recent months weighing more. */
    scoreBp: integer().notNull(),
    components: jsonb().$type<Record<string, number>>().notNull(),
    inputs: jsonb().$type<Record<string, unknown>>().notNull(),
    computedAt: ts().notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('creditor_scorecards_creditor_month_idx').on(t.creditorId, t.month),
    index('creditor_scorecards_month_idx').on(t.month, t.scoreBp),
    check(
      'creditor_scorecards_score_range',
      sql`${t.monthScoreBp} between 0 and 10000 and ${t.scoreBp} between 0 and 10000`,
    ),
  ],
);

export type CreditorRating = typeof creditorRatings.$inferSelect;
export type CreditorScorecard = typeof creditorScorecards.$inferSelect;
