import { getOwnOrg } from '../../../domain/orgs/orgs';
import { ownPhone } from '../../../domain/users/phones';
import { permissionsOf } from '../../../auth/permissions';
import { signedInProcedure } from '../../trpc';
import { ZGetMeOutput } from './get-me.schema';

export const getMe = signedInProcedure.output(ZGetMeOutput).query(async ({ ctx }) => {
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
});
