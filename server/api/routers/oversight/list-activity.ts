import { listActivity as list } from '../../../domain/work/oversight';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZActivity, ZActivityInput } from './oversight.schema';

/** Every action of every agency on the creditor's cases, newest first. */
export const listActivity = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZActivityInput)
  .output(ZActivity)
  .query(({ ctx, input }) => list(ctx.db, ctx.caller, input));
