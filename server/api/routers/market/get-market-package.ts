import { getMarketPackage as get } from '../../../domain/packages/market';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZMarketPackageDetail, ZMarketPackageInput } from './market.schema';

/** A package's figures, terms (no reserve rate) and a masked sample, with the agency's own bid. */
export const getMarketPackage = agencyProcedure
  .use(requirePermission('market.read'))
  .input(ZMarketPackageInput)
  .output(ZMarketPackageDetail)
  .query(({ ctx, input }) => get(ctx.db, ctx.caller, input.packageId));
