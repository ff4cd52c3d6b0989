import { listMyBids } from '../../../domain/packages/market';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZMyBids, ZMyBidsInput } from './market.schema';

export const myBids = agencyProcedure
  .use(requirePermission('market.read'))
  .input(ZMyBidsInput)
  .output(ZMyBids)
  .query(({ ctx, input }) => listMyBids(ctx.db, ctx.caller, input));
