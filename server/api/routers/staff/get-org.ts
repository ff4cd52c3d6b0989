import { getOrgForStaff } from '../../../domain/orgs/orgs';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZGetOrgOutput } from '../org/get-org.schema';
import { ZGetOrgInput } from './orgs-get.schema';

export const getOrg = staffProcedure
  .use(requirePermission('staff.orgs.read'))
  .input(ZGetOrgInput)
  .output(ZGetOrgOutput)
  .query(({ ctx, input }) => getOrgForStaff(ctx.db, input.orgId));
