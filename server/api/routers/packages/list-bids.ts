import { z } from 'zod';
import { listPackageBids } from '../../../domain/packages/market';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZPackageBid, ZPackageIdInput } from './packages.schema';

/** The bids on a package side by side, lowest fee first, with each agency's tier and admission score. */
export const listBids = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZPackageIdInput)
  .output(z.array(ZPackageBid))
  .query(({ ctx, input }) => listPackageBids(ctx.db, ctx.caller, input.packageId));
