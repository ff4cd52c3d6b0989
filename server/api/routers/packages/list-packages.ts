import { listPackages as list } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZListPackagesInput, ZPackageList } from './packages.schema';

export const listPackages = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZListPackagesInput)
  .output(ZPackageList)
  .query(({ ctx, input }) => list(ctx.db, ctx.caller, input));
