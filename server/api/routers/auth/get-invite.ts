import { getInvite as find } from '../../../domain/users/users';
import { publicProcedure } from '../../trpc';
import { ZGetInviteInput, ZGetInviteOutput } from './invite.schema';

export const getInvite = publicProcedure
  .input(ZGetInviteInput)
  .output(ZGetInviteOutput)
  .query(({ ctx, input }) => find(ctx.db, input.token));
