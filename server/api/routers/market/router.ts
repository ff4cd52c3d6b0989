import { submitBid, updateBid, withdrawBid } from '../../../domain/packages/bids';
import { getMarketPackage, listMarket, listMyBids } from '../../../domain/packages/market';
import { answerOffer } from '../../../domain/packages/offers';
import { agencyProcedure, requirePermission, router } from '../../trpc';
import {
  ZAnswerOfferInput,
  ZAnswerResult,
  ZBidIdInput,
  ZBidResult,
  ZListMarketInput,
  ZMarketList,
  ZMarketPackageDetail,
  ZMarketPackageInput,
  ZMyBids,
  ZMyBidsInput,
  ZSubmitBidInput,
  ZUpdateBidInput,
} from './market.schema';

const reader = agencyProcedure.use(requirePermission('market.read'));
const bidder = agencyProcedure.use(requirePermission('market.bid'));

/** The agency's side of the marketplace: open packages, bids and direct offers. */
export const marketRouter = router({
  /** Open packages the agency may bid on. */
  list: reader
    .input(ZListMarketInput)
    .output(ZMarketList)
    .query(({ ctx, input }) => listMarket(ctx.db, ctx.caller, input)),
  /** A package's figures, terms (no reserve rate) and a masked sample, with the agency's own bid. */
  get: reader
    .input(ZMarketPackageInput)
    .output(ZMarketPackageDetail)
    .query(({ ctx, input }) => getMarketPackage(ctx.db, ctx.caller, input.packageId)),
  myBids: reader
    .input(ZMyBidsInput)
    .output(ZMyBids)
    .query(({ ctx, input }) => listMyBids(ctx.db, ctx.caller, input)),
  bid: router({
    /** A bid; one in the last 3 minutes moves the close 3 minutes later. */
    submit: bidder
      .input(ZSubmitBidInput)
      .output(ZBidResult)
      .mutation(({ ctx, input: { packageId, ...bid } }) => submitBid(ctx.db, ctx.caller, packageId, bid)),
    /** Changes the agency's live bid until the close. */
    update: bidder
      .input(ZUpdateBidInput)
      .output(ZBidResult)
      .mutation(({ ctx, input: { bidId, ...bid } }) => updateBid(ctx.db, ctx.caller, bidId, bid)),
    /** Withdraws the agency's live bid until the close. */
    withdraw: bidder
      .input(ZBidIdInput)
      .output(ZBidResult)
      .mutation(({ ctx, input }) => withdrawBid(ctx.db, ctx.caller, input.bidId)),
  }),
  /** Accepts (cases are commissioned) or declines (the package returns to draft) a direct offer. */
  answerOffer: bidder
    .input(ZAnswerOfferInput)
    .output(ZAnswerResult)
    .mutation(({ ctx, input }) => answerOffer(ctx.db, ctx.caller, input.packageId, input.accept)),
});
