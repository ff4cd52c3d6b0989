import { listOrgsForStaff } from '../../../domain/orgs/orgs';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZListOrgsInput, ZListOrgsOutput } from './orgs.schema';

export const listOrgs = staffProcedure
  .use(requirePermission('staff.orgs.read'))
  .input(ZListOrgsInput)
  .output(ZListOrgsOutput)
  .query(({ ctx, input }) => listOrgsForStaff(ctx.db, input));
