import { z } from 'zod';
import { ORG_STATUSES } from '@/lib/enums';
import { ZMonth, ZMineInput } from './scorecards.schema';

// Monthly creditor scorecards and agencies' ratings of the creditors' case files. The
// inputs schema is creditor formula v1's (server/domain/scorecards/creditor-formula.ts),
// so a card's inputs can be parsed back and computed again.

const ZInt = z.number().int();
const ZCount = z.number().int().min(0);

export const ZRateCreditorInput = z.object({
  creditorId: z.uuid(),
  month: ZMonth,
  rating: z.number().int().min(1, { error: 'v.rating' }).max(5, { error: 'v.rating' }),
  /** Optional: what was wrong with the files (wrong numbers, missing contacts, stale balances). */
  comment: z.string().trim().max(500),
});
/** The rating form of one creditor and month: the stars and the optional comment. */
export const ZRateCreditorForm = ZRateCreditorInput.pick({ rating: true, comment: true });
export const ZCreditorMonthInput = z.object({ month: ZMonth });
export const ZCreditorMineInput = ZMineInput;
export const ZCreditorInput = ZMineInput.extend({ creditorId: z.uuid() });

export const ZCreditorRating = z.object({
  creditorId: z.string(),
  month: z.string(),
  rating: ZInt,
  comment: z.string(),
  ratedAt: z.date(),
});
export const ZCreditorRatingList = z.object({
  current: z.string(),
  previous: z.string(),
  creditors: z.array(
    z.object({
      creditorId: z.string(),
      creditorName: z.string(),
      months: z.array(
        z.object({
          month: z.string(),
          /** The agency had a commission with the creditor that month. */
          isWorked: z.boolean(),
          /** The month's card of the creditor is computed: the rating stays as it is. */
          isClosed: z.boolean(),
          canRate: z.boolean(),
          rating: ZInt.nullable(),
          comment: z.string(),
          ratedAt: z.date().nullable(),
        }),
      ),
    }),
  ),
});
export type TCreditorRatingList = z.infer<typeof ZCreditorRatingList>;

const ZDueCount = z.object({ onTime: ZCount, late: ZCount });
/** Creditor formula v1's inputs. */
export const ZCreditorScorecardInputs = z.object({
  month: z.string(),
  ratings: z.array(z.number().int().min(1).max(5)),
  answers: z.object({ restructures: ZDueCount, holds: ZDueCount.optional() }),
  statements: ZDueCount,
  history: z.array(z.object({ month: z.string(), monthScoreBp: ZInt })),
});
export type TCreditorScorecardInputs = z.infer<typeof ZCreditorScorecardInputs>;

export const ZCreditorComponents = z.object({ dataQuality: ZInt, answers: ZInt, payments: ZInt });
export type TCreditorComponents = z.infer<typeof ZCreditorComponents>;

export const ZCreditorScorecard = z.object({
  id: z.string(),
  month: z.string(),
  formulaVersion: ZInt,
  monthScoreBp: ZInt,
  scoreBp: ZInt,
  components: ZCreditorComponents,
  inputs: ZCreditorScorecardInputs,
  computedAt: z.date(),
});
export type TCreditorScorecard = z.infer<typeof ZCreditorScorecard>;

export const ZCreditorScorecardPage = z.object({
  creditor: z.object({ id: z.string(), name: z.string() }),
  card: ZCreditorScorecard.nullable(),
  trend: z.array(z.object({ month: z.string(), scoreBp: ZInt, monthScoreBp: ZInt })),
});
export type TCreditorScorecardPage = z.infer<typeof ZCreditorScorecardPage>;

export const ZMonthCreditorScorecards = z.object({
  month: z.string(),
  isEnded: z.boolean(),
  isComputing: z.boolean(),
  computedAt: z.date().nullable(),
  cards: z.array(
    ZCreditorScorecard.extend({
      creditorId: z.string(),
      creditorName: z.string(),
      creditorStatus: z.enum(ORG_STATUSES),
    }),
  ),
});
export type TMonthCreditorScorecards = z.infer<typeof ZMonthCreditorScorecards>;
