import { agencyScorecard, monthScorecards, scorecardExport } from '../../../domain/scorecards/read';
import { requestRecompute } from '../../../domain/scorecards/compute';
import { listRatings, rateAgency } from '../../../domain/scorecards/ratings';
import { kickQueue } from '../../../jobs/scheduler';
import { creditorScorecardsRouter } from './creditors.router';
import {
  agencyProcedure,
  authedProcedure,
  creditorProcedure,
  requirePermission,
  router,
  staffProcedure,
} from '../../trpc';
import {
  ZAgencyInput,
  ZAgencyScorecard,
  ZExportInput,
  ZMineInput,
  ZMonthInput,
  ZMonthScorecards,
  ZRateInput,
  ZRating,
  ZRatingList,
  ZRecomputeResult,
  ZScorecardExport,
} from './scorecards.schema';

// Monthly agency scorecards (DESIGN §7): creditors rate the agencies they commission and
// compare bids by score; an agency reads its own breakdown and trend; staff read every
// card of a month and have an ended month computed again. Anyone who may read a card may
// export its inputs and formula version to compute the score again.

const reader = authedProcedure.use(requirePermission('scorecards.read'));

export const scorecardsRouter = router({
  /** Creditors are scored too: agencies rate their case files, the same job scores them (creditors.router.ts). */
  creditors: creditorScorecardsRouter,
  /** A creditor admin or manager rates an agency it commissioned, for this month or last month. */
  rate: creditorProcedure
    .use(requirePermission('scorecards.rate'))
    .input(ZRateInput)
    .output(ZRating)
    .mutation(async ({ ctx, input }) => {
      const rating = await rateAgency(ctx.db, ctx.caller, input);
      // A rating of an ended month queued that month's cards again.
      kickQueue(ctx.db);
      return rating;
    }),
  /** The creditor's agencies of this month and last month, with its ratings of both. */
  ratings: creditorProcedure
    .use(requirePermission('scorecards.read'))
    .output(ZRatingList)
    .query(({ ctx }) => listRatings(ctx.db, ctx.caller)),
  /** The agency's own latest breakdown and its trend. */
  mine: agencyProcedure
    .use(requirePermission('scorecards.read'))
    .input(ZMineInput)
    .output(ZAgencyScorecard)
    .query(({ ctx, input }) => agencyScorecard(ctx.db, ctx.caller, ctx.actor.orgId, input.month)),
  /** One agency's breakdown and trend: for staff, and for creditors that deal with it. */
  get: reader
    .input(ZAgencyInput)
    .output(ZAgencyScorecard)
    .query(({ ctx, input }) => agencyScorecard(ctx.db, ctx.caller, input.agencyId, input.month)),
  /** A card's inputs, formula version and results, to be saved and computed again. */
  export: reader
    .input(ZExportInput)
    .output(ZScorecardExport)
    .query(({ ctx, input }) => scorecardExport(ctx.db, ctx.caller, input.agencyId, input.month)),
  /** Staff: every agency's card of a month. */
  month: staffProcedure
    .use(requirePermission('scorecards.read'))
    .input(ZMonthInput)
    .output(ZMonthScorecards)
    .query(({ ctx, input }) => monthScorecards(ctx.db, input.month)),
  /** A platform admin has an ended month computed again (queued; the month's cards are replaced). */
  recompute: staffProcedure
    .use(requirePermission('scorecards.compute'))
    .input(ZMonthInput)
    .output(ZRecomputeResult)
    .mutation(async ({ ctx, input }) => {
      const queued = await requestRecompute(ctx.db, ctx.caller, input.month);
      kickQueue(ctx.db);
      return queued;
    }),
});
