import { listUsers } from '../../../domain/users/users';
import { authedProcedure, requirePermission } from '../../trpc';
import { ZListOrgUsersInput, ZListOrgUsersOutput } from './users.schema';

export const listOrgUsers = authedProcedure
  .use(requirePermission('org.users.read'))
  .input(ZListOrgUsersInput)
  .output(ZListOrgUsersOutput)
  .query(({ ctx, input }) => listUsers(ctx.db, ctx.caller, { ...input, orgId: ctx.actor.orgId }));
