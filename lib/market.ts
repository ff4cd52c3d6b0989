// Rules of the package market: when bidding closes and which agencies a package admits.
import { TIERS, type Tier } from './enums';

/** A bid in the last 3 minutes extends the close by 3 minutes (anti-sniping, DESIGN §3). */
export const BID_EXTENSION_MS = 3 * 60_000;
/** Tiers from best to lowest: a package open to tier B admits A and B. */
export const tierMeets = (tier: Tier | null, minimum: Tier | null): boolean =>
  minimum === null || (tier !== null && TIERS.indexOf(tier) <= TIERS.indexOf(minimum));
