import { openPackage as open } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCreditorPackage, ZPackageIdInput } from './packages.schema';

/** Opens bidding until the close time of the terms. */
export const openPackage = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZPackageIdInput)
  .output(ZCreditorPackage)
  .mutation(({ ctx, input }) => open(ctx.db, ctx.caller, input.packageId));
