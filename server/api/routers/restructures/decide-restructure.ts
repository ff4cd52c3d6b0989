import { decideRestructure as decide } from '../../../domain/work/restructure';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZDecideRestructureInput, ZRestructure } from '../work/work.schema';

/** Approves or rejects a request outside the bands, within its 3 business days. */
export const decideRestructure = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZDecideRestructureInput)
  .output(ZRestructure)
  .mutation(({ ctx, input }) => decide(ctx.db, ctx.caller, input));
