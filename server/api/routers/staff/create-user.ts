import { createUserForStaff } from '../../../domain/users/users';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZInviteResult } from '../shared.schema';
import { ZCreateUserInput } from './users.schema';

export const createUser = staffProcedure
  .use(requirePermission('staff.users.manage'))
  .input(ZCreateUserInput)
  .output(ZInviteResult)
  .mutation(({ ctx, input }) => createUserForStaff(ctx.db, ctx.caller, input));
