import { disableOrgUser as disable } from '../../../domain/users/users';
import { authedProcedure, requirePermission } from '../../trpc';
import { ZUser } from '../shared.schema';
import { ZDisableOrgUserInput } from './users.schema';

export const disableOrgUser = authedProcedure
  .use(requirePermission('org.users.manage'))
  .input(ZDisableOrgUserInput)
  .output(ZUser)
  .mutation(({ ctx, input }) => disable(ctx.db, ctx.caller, input.userId));
