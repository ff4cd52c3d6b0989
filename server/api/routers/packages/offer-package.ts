import { getPackage } from '../../../domain/packages/packages';
import { offerPackage as offer } from '../../../domain/packages/offers';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCreditorPackage, ZOfferInput } from './packages.schema';

/** Offers a draft package to one agency at a fixed fee; it answers within 2 business days. */
export const offerPackage = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZOfferInput)
  .output(ZCreditorPackage)
  .mutation(async ({ ctx, input }) => {
    await offer(ctx.db, ctx.caller, input.packageId, input);
    return getPackage(ctx.db, ctx.caller, input.packageId);
  });
