import { decideHold, listCreditorHolds } from '../../../domain/work/holds';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZHold } from '../work/protections.schema';
import { ZDecideHoldInput, ZHolds, ZHoldsInput } from './holds.schema';

/** Holds on collection waiting for the creditor's answer, and the answer. */
export const holdsRouter = router({
  /** The creditor's holds, open or answered, newest first. */
  list: creditorProcedure
    .use(requirePermission('cases.read'))
    .input(ZHoldsInput)
    .output(ZHolds)
    .query(({ ctx, input }) => listCreditorHolds(ctx.db, ctx.caller, input)),
  /** Closes the case, or lets collection continue, with the reason. */
  decide: creditorProcedure
    .use(requirePermission('cases.close'))
    .input(ZDecideHoldInput)
    .output(ZHold)
    .mutation(({ ctx, input }) => decideHold(ctx.db, ctx.caller, input)),
});
