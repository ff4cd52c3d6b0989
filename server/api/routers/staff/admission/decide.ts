import { decide as decideApplication } from '../../../../domain/admission/review';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZDecideInput, ZReviewView } from './review.schema';

export const decide = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZDecideInput)
  .output(ZReviewView)
  .mutation(({ ctx, input }) => decideApplication(ctx.db, ctx.caller, input));
