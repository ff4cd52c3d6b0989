import { listAdmittedAgencies } from '../../../domain/orgs/public-lists';
import { publicProcedure } from '../../trpc';
import { ZAdmittedOutput, ZPublicListInput } from './lists.schema';

export const listAdmitted = publicProcedure
  .input(ZPublicListInput)
  .output(ZAdmittedOutput)
  .query(({ ctx, input }) => listAdmittedAgencies(ctx.db, input));
