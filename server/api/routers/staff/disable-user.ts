import { disableUserForStaff } from '../../../domain/users/users';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZUser } from '../shared.schema';
import { ZDisableUserInput } from './users.schema';

export const disableUser = staffProcedure
  .use(requirePermission('staff.users.manage'))
  .input(ZDisableUserInput)
  .output(ZUser)
  .mutation(({ ctx, input }) => disableUserForStaff(ctx.db, ctx.caller, input.userId));
