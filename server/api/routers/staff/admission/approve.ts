import { approveDecision } from '../../../../domain/admission/review';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZApproveInput, ZReviewView } from './review.schema';

export const approve = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZApproveInput)
  .output(ZReviewView)
  .mutation(({ ctx, input }) => approveDecision(ctx.db, ctx.caller, input));
