import { createPackage as create } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCreatePackageInput, ZCreditorPackage } from './packages.schema';

/** A draft package from one import or a filter over the creditor's unplaced cases. */
export const createPackage = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZCreatePackageInput)
  .output(ZCreditorPackage)
  .mutation(({ ctx, input }) => create(ctx.db, ctx.caller, input));
