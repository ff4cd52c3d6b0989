import { getPackage as get } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCreditorPackage, ZPackageIdInput } from './packages.schema';

export const getPackage = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZPackageIdInput)
  .output(ZCreditorPackage)
  .query(({ ctx, input }) => get(ctx.db, ctx.caller, input.packageId));
