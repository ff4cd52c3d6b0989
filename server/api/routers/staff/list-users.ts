import { listUsersForStaff } from '../../../domain/users/users';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZUser, pageOf } from '../shared.schema';
import { ZListUsersInput } from './users.schema';

export const listUsers = staffProcedure
  .use(requirePermission('staff.orgs.read'))
  .input(ZListUsersInput)
  .output(pageOf(ZUser))
  .query(({ ctx, input }) => listUsersForStaff(ctx.db, ctx.caller, input));
