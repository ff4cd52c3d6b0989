import { creditorScorecard, monthCreditorScorecards } from '../../../domain/scorecards/creditor-read';
import { listCreditorRatings, rateCreditor } from '../../../domain/scorecards/creditor-ratings';
import { agencyProcedure, creditorProcedure, requirePermission, router, staffProcedure } from '../../trpc';
import {
  ZCreditorInput,
  ZCreditorMineInput,
  ZCreditorMonthInput,
  ZCreditorRating,
  ZCreditorRatingList,
  ZCreditorScorecardPage,
  ZMonthCreditorScorecards,
  ZRateCreditorInput,
} from './creditors.schema';

// Monthly creditor scorecards (scorecards.creditors): agencies rate the data quality of
// the case files of the creditors they work for; a creditor reads its own cards; staff
// read every creditor's. Agencies see a creditor's current score in the marketplace
// (market.list, market.get). The same job computes them as the agencies' cards, so a
// platform admin has a month computed again with scorecards.recompute.

export const creditorScorecardsRouter = router({
  /** An agency admin rates a creditor it worked for, for this month or last month, until the month's card is computed. */
  rate: agencyProcedure
    .use(requirePermission('scorecards.rateCreditor'))
    .input(ZRateCreditorInput)
    .output(ZCreditorRating)
    .mutation(({ ctx, input }) => rateCreditor(ctx.db, ctx.caller, input)),
  /** The agency's creditors of this month and last month, with its ratings of both. */
  ratings: agencyProcedure
    .use(requirePermission('scorecards.read'))
    .output(ZCreditorRatingList)
    .query(({ ctx }) => listCreditorRatings(ctx.db, ctx.caller)),
  /** The creditor's own card (the latest, or a month's) and its trend. */
  mine: creditorProcedure
    .use(requirePermission('scorecards.read'))
    .input(ZCreditorMineInput)
    .output(ZCreditorScorecardPage)
    .query(({ ctx, input }) => creditorScorecard(ctx.db, ctx.actor.orgId, input.month)),
  /** Staff: one creditor's card and its months. */
  get: staffProcedure
    .use(requirePermission('scorecards.read'))
    .input(ZCreditorInput)
    .output(ZCreditorScorecardPage)
    .query(({ ctx, input }) => creditorScorecard(ctx.db, input.creditorId, input.month)),
  /** Staff: every creditor's card of a month. */
  month: staffProcedure
    .use(requirePermission('scorecards.read'))
    .input(ZCreditorMonthInput)
    .output(ZMonthCreditorScorecards)
    .query(({ ctx, input }) => monthCreditorScorecards(ctx.db, input.month)),
});
