import { listAdmittedAgencies, listBannedAgencies } from '../../../domain/orgs/public-lists';
import { rulebookInForce } from '../../../domain/rules/publish';
import { publicProcedure, router } from '../../trpc';
import { ZAdmittedOutput, ZBannedOutput, ZPublicListInput, ZRulebookInForce } from './public.schema';

/** What the platform publishes for anyone: the agencies admitted and those banned, and the rulebook in force. */
export const publicRouter = router({
  agencies: router({
    admitted: publicProcedure.input(ZPublicListInput).output(ZAdmittedOutput).query(({ ctx, input }) => listAdmittedAgencies(ctx.db, input)),
    banned: publicProcedure.input(ZPublicListInput).output(ZBannedOutput).query(({ ctx, input }) => listBannedAgencies(ctx.db, input)),
  }),
  /** The newest published rulebook: the contact window, the caps, the stage policy and the forbidden phrases. */
  rulebook: publicProcedure.output(ZRulebookInForce).query(({ ctx }) => rulebookInForce(ctx.db)),
});
