import { permissionsOf } from '../../../auth/permissions';
import { changePassword } from '../../../domain/auth/sessions';
import { getOwnOrg } from '../../../domain/orgs/orgs';
import { ownPhone } from '../../../domain/users/phones';
import { router, signedInProcedure } from '../../trpc';
import { ZChangePasswordInput, ZChangePasswordOutput, ZGetMeOutput } from './me.schema';

// The signed-in user's own profile and password, for applicants too.
export const meRouter = router({
  get: signedInProcedure.output(ZGetMeOutput).query(async ({ ctx }) => {
    const org = await getOwnOrg(ctx.db, ctx.caller);
    const phone = await ownPhone(ctx.db, ctx.actor.userId);
    const { actor } = ctx;
    return {
      userId: actor.userId,
      name: actor.name,
      email: actor.email,
      phone,
      role: actor.role,
      orgId: org.id,
      orgName: org.name,
      orgType: org.type,
      orgStatus: org.status,
      permissions: permissionsOf(actor),
    };
  }),
  /** The signed-in user sets a new password; every session of theirs ends, this one included. */
  changePassword: signedInProcedure
    .input(ZChangePasswordInput)
    .output(ZChangePasswordOutput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.caller, input)),
});
