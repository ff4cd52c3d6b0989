import { acceptInvite as accept } from '../../../domain/users/users';
import { publicProcedure } from '../../trpc';
import { ZAcceptInviteInput, ZAcceptInviteOutput } from './invite.schema';

export const acceptInvite = publicProcedure
  .input(ZAcceptInviteInput)
  .output(ZAcceptInviteOutput)
  .mutation(({ ctx, input }) => accept(ctx.db, ctx.meta, input));
