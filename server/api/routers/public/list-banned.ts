import { listBannedAgencies } from '../../../domain/orgs/public-lists';
import { publicProcedure } from '../../trpc';
import { ZBannedOutput, ZPublicListInput } from './lists.schema';

export const listBanned = publicProcedure
  .input(ZPublicListInput)
  .output(ZBannedOutput)
  .query(({ ctx, input }) => listBannedAgencies(ctx.db, input));
