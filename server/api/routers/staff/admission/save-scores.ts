import { saveScores as save } from '../../../../domain/admission/review';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZReviewView, ZSaveScoresInput } from './review.schema';

export const saveScores = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZSaveScoresInput)
  .output(ZReviewView)
  .mutation(({ ctx, input }) => save(ctx.db, ctx.caller, input));
