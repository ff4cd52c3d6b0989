import { awardPackage as award } from '../../../domain/packages/award';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZAwardInput, ZAwardResult } from './packages.schema';

/** Awards a closed package whole or split; exactly once, parallel attempts get CONFLICT. */
export const awardPackage = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZAwardInput)
  .output(ZAwardResult)
  .mutation(({ ctx, input }) => award(ctx.db, ctx.caller, input.packageId, input.shares));
