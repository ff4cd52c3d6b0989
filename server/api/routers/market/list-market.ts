import { listMarket as list } from '../../../domain/packages/market';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZListMarketInput, ZMarketList } from './market.schema';

/** Open packages the agency may bid on. */
export const listMarket = agencyProcedure
  .use(requirePermission('market.read'))
  .input(ZListMarketInput)
  .output(ZMarketList)
  .query(({ ctx, input }) => list(ctx.db, ctx.caller, input));
