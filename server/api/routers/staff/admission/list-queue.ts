import { listReviewQueue } from '../../../../domain/admission/review';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZQueueInput, ZQueueOutput } from './review.schema';

export const listQueue = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZQueueInput)
  .output(ZQueueOutput)
  .query(({ ctx, input }) => listReviewQueue(ctx.db, input));
