import { revealOrgUserPhone as reveal } from '../../../domain/users/users';
import { authedProcedure, requirePermission } from '../../trpc';
import { ZRevealPhoneInput, ZRevealPhoneResult } from '../shared.schema';

/** A colleague's whole mobile number, for a reason; audited. */
export const revealOrgUserPhone = authedProcedure
  .use(requirePermission('org.users.manage'))
  .input(ZRevealPhoneInput)
  .output(ZRevealPhoneResult)
  .mutation(({ ctx, input }) => reveal(ctx.db, ctx.caller, input));
