import { staffOverview } from '../../../domain/supervision/overview';
import { router, staffProcedure } from '../../trpc';
import { ZOverviewInput, ZStaffOverview } from './supervision.schema';

export const supervisionRouter = router({
  /** What waits for the platform and how the agencies stand, for every staff member's home page. */
  overview: staffProcedure
    .input(ZOverviewInput)
    .output(ZStaffOverview)
    .query(({ ctx }) => staffOverview(ctx.db)),
});
