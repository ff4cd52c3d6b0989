import { cancelPackage as cancel } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCancelInput, ZCreditorPackage } from './packages.schema';

export const cancelPackage = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZCancelInput)
  .output(ZCreditorPackage)
  .mutation(({ ctx, input }) => cancel(ctx.db, ctx.caller, input.packageId, input.reason));
