import { z } from 'zod';
import { staffOverview } from '../../../domain/supervision/overview';
import { router, staffProcedure } from '../../trpc';
import { ZStaffOverview } from './supervision.schema';

/** What waits for the platform and how the agencies stand, for every staff member's home page. */
const overview = staffProcedure
  .input(z.object({}).strict().optional())
  .output(ZStaffOverview)
  .query(({ ctx }) => staffOverview(ctx.db));

export const supervisionRouter = router({ overview });
