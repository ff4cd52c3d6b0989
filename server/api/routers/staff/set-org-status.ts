import { setOrgStatus as setStatus } from '../../../domain/orgs/orgs';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZOrg } from '../shared.schema';
import { ZSetOrgStatusInput } from './orgs.schema';

export const setOrgStatus = staffProcedure
  .use(requirePermission('staff.orgs.setStatus'))
  .input(ZSetOrgStatusInput)
  .output(ZOrg)
  .mutation(({ ctx, input }) => setStatus(ctx.db, ctx.caller, input));
