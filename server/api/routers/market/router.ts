import { router } from '../../trpc';
import { answerOffer } from './answer-offer';
import { submitBid, updateBid, withdrawBid } from './bid-procedures';
import { getMarketPackage } from './get-market-package';
import { listMarket } from './list-market';
import { myBids } from './my-bids';

/** The agency's side of the marketplace: open packages, bids and direct offers. */
export const marketRouter = router({
  list: listMarket,
  get: getMarketPackage,
  myBids,
  bid: router({ submit: submitBid, update: updateBid, withdraw: withdrawBid }),
  answerOffer,
});
