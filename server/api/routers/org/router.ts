import { getOwnOrg } from '../../../domain/orgs/orgs';
import { disableOrgUser, inviteOrgUser, listUsers, revealOrgUserPhone } from '../../../domain/users/users';
import { authedProcedure, requirePermission, router } from '../../trpc';
import { ZInviteResult, ZRevealPhoneInput, ZRevealPhoneResult, ZUser } from '../shared.schema';
import {
  ZDisableOrgUserInput,
  ZGetOrgOutput,
  ZInviteOrgUserInput,
  ZListOrgUsersInput,
  ZListOrgUsersOutput,
} from './org.schema';

const userManager = authedProcedure.use(requirePermission('org.users.manage'));

/** The session organization and its users. */
export const orgRouter = router({
  get: authedProcedure.output(ZGetOrgOutput).query(({ ctx }) => getOwnOrg(ctx.db, ctx.caller)),
  users: router({
    list: authedProcedure
      .use(requirePermission('org.users.read'))
      .input(ZListOrgUsersInput)
      .output(ZListOrgUsersOutput)
      .query(({ ctx, input }) => listUsers(ctx.db, ctx.caller, { ...input, orgId: ctx.actor.orgId })),
    invite: userManager
      .input(ZInviteOrgUserInput)
      .output(ZInviteResult)
      .mutation(({ ctx, input }) => inviteOrgUser(ctx.db, ctx.caller, input)),
    disable: userManager
      .input(ZDisableOrgUserInput)
      .output(ZUser)
      .mutation(({ ctx, input }) => disableOrgUser(ctx.db, ctx.caller, input.userId)),
    /** A colleague's whole mobile number, for a reason; audited. */
    revealPhone: userManager
      .input(ZRevealPhoneInput)
      .output(ZRevealPhoneResult)
      .mutation(({ ctx, input }) => revealOrgUserPhone(ctx.db, ctx.caller, input)),
  }),
});
