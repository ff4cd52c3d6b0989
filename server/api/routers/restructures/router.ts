import { decideRestructure, listCreditorRestructures } from '../../../domain/work/restructure';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZRestructure } from '../work/work.schema';
import { ZCreditorRestructures, ZCreditorRestructuresInput, ZDecideRestructureInput } from './restructures.schema';

/** The creditor's side of restructuring requests. */
export const restructuresRouter = router({
  /** The creditor's restructuring requests, newest first, by status. */
  list: creditorProcedure
    .use(requirePermission('cases.read'))
    .input(ZCreditorRestructuresInput)
    .output(ZCreditorRestructures)
    .query(({ ctx, input }) => listCreditorRestructures(ctx.db, ctx.caller, input)),
  /** Approves or rejects a request outside the bands, within its 3 business days. */
  decide: creditorProcedure
    .use(requirePermission('packages.manage'))
    .input(ZDecideRestructureInput)
    .output(ZRestructure)
    .mutation(({ ctx, input }) => decideRestructure(ctx.db, ctx.caller, input)),
});
