import { getApplicationForReview } from '../../../../domain/admission/review';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZApplicationRef, ZReviewView } from './review.schema';

export const getApplication = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZApplicationRef)
  .output(ZReviewView)
  .query(({ ctx, input }) => getApplicationForReview(ctx.db, input.applicationId));
