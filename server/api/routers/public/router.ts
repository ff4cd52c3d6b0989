import { listAdmittedAgencies, listBannedAgencies } from '../../../domain/orgs/public-lists';
import { publicProcedure, router } from '../../trpc';
import { ZAdmittedOutput, ZBannedOutput, ZPublicListInput } from './public.schema';

/** The lists the platform publishes for anyone: the agencies admitted and those banned. */
export const publicRouter = router({
  agencies: router({
    admitted: publicProcedure.input(ZPublicListInput).output(ZAdmittedOutput).query(({ ctx, input }) => listAdmittedAgencies(ctx.db, input)),
    banned: publicProcedure.input(ZPublicListInput).output(ZBannedOutput).query(({ ctx, input }) => listBannedAgencies(ctx.db, input)),
  }),
});
