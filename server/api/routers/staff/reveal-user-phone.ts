import { revealUserPhoneForStaff } from '../../../domain/users/users';
import { requirePermission, staffProcedure } from '../../trpc';
import { ZRevealPhoneInput, ZRevealPhoneResult } from '../shared.schema';

/** Any user's whole mobile number, for a reason; audited. */
export const revealUserPhone = staffProcedure
  .use(requirePermission('staff.users.manage'))
  .input(ZRevealPhoneInput)
  .output(ZRevealPhoneResult)
  .mutation(({ ctx, input }) => revealUserPhoneForStaff(ctx.db, ctx.caller, input));
