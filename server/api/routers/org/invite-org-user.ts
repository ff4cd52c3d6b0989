import { inviteOrgUser as invite } from '../../../domain/users/users';
import { authedProcedure, requirePermission } from '../../trpc';
import { ZInviteResult } from '../shared.schema';
import { ZInviteOrgUserInput } from './users.schema';

export const inviteOrgUser = authedProcedure
  .use(requirePermission('org.users.manage'))
  .input(ZInviteOrgUserInput)
  .output(ZInviteResult)
  .mutation(({ ctx, input }) => invite(ctx.db, ctx.caller, input));
