import { answerOffer as answer } from '../../../domain/packages/offers';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZAnswerOfferInput, ZAnswerResult } from './market.schema';

/** Accepts (cases are commissioned) or declines (the package returns to draft) a direct offer. */
export const answerOffer = agencyProcedure
  .use(requirePermission('market.bid'))
  .input(ZAnswerOfferInput)
  .output(ZAnswerResult)
  .mutation(({ ctx, input }) => answer(ctx.db, ctx.caller, input.packageId, input.accept));
