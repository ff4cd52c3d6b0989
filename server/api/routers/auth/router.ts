import { acceptInvite, getInvite } from '../../../domain/users/users';
import { publicProcedure, router } from '../../trpc';
import { ZAcceptInviteInput, ZAcceptInviteOutput, ZGetInviteInput, ZGetInviteOutput } from './auth.schema';

// The invited person has no session yet: the one-time token in the invitation link is
// what lets them read it and set their password.
export const authRouter = router({
  invite: router({
    get: publicProcedure
      .input(ZGetInviteInput)
      .output(ZGetInviteOutput)
      .query(({ ctx, input }) => getInvite(ctx.db, input.token)),
    accept: publicProcedure
      .input(ZAcceptInviteInput)
      .output(ZAcceptInviteOutput)
      .mutation(({ ctx, input }) => acceptInvite(ctx.db, ctx.meta, input)),
  }),
});
