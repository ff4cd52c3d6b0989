import { createOrgForStaff } from '../../../domain/orgs/orgs';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZOrg } from '../shared.schema';
import { ZCreateOrgInput } from './orgs.schema';

export const createOrg = staffProcedure
  .use(requirePermission('staff.orgs.create'))
  .input(ZCreateOrgInput)
  .output(ZOrg)
  .mutation(({ ctx, input }) => createOrgForStaff(ctx.db, ctx.caller, input));
