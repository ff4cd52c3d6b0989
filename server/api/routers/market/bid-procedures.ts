import { submitBid as submit, updateBid as update, withdrawBid as withdraw } from '../../../domain/packages/bids';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZBidIdInput, ZBidResult, ZSubmitBidInput, ZUpdateBidInput } from './market.schema';

const bidding = agencyProcedure.use(requirePermission('market.bid'));

/** A bid; one in the last 3 minutes moves the close 3 minutes later. */
export const submitBid = bidding
  .input(ZSubmitBidInput)
  .output(ZBidResult)
  .mutation(({ ctx, input: { packageId, ...bid } }) => submit(ctx.db, ctx.caller, packageId, bid));

/** Changes the agency's live bid until the close. */
export const updateBid = bidding
  .input(ZUpdateBidInput)
  .output(ZBidResult)
  .mutation(({ ctx, input: { bidId, ...bid } }) => update(ctx.db, ctx.caller, bidId, bid));

/** Withdraws the agency's live bid until the close. */
export const withdrawBid = bidding
  .input(ZBidIdInput)
  .output(ZBidResult)
  .mutation(({ ctx, input }) => withdraw(ctx.db, ctx.caller, input.bidId));
