import { listCreditorRestructures } from '../../../domain/work/restructure';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCreditorRestructures, ZCreditorRestructuresInput } from '../work/work.schema';

/** The creditor's restructuring requests, newest first, by status. */
export const listRestructures = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZCreditorRestructuresInput)
  .output(ZCreditorRestructures)
  .query(({ ctx, input }) => listCreditorRestructures(ctx.db, ctx.caller, input));
