import { requestInfo as request } from '../../../../domain/admission/review';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZRequestInfoInput, ZReviewView } from './review.schema';

export const requestInfo = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZRequestInfoInput)
  .output(ZReviewView)
  .mutation(({ ctx, input }) => request(ctx.db, ctx.caller, input));
