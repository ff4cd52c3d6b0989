import type { AuthzTable } from '@/server/testing/authz';
import { bidAs, draftPackage, openPackage, sampleBid, sampleTerms, setTier } from '@/server/testing/packages';
import { callerAs, type World } from '@/server/testing/world';

const made = new WeakMap<World, Record<string, string>>();
const state = (w: World) => made.get(w) ?? {};
const remember = (w: World, values: Record<string, string>): void => {
  made.set(w, { ...state(w), ...values });
};

/** An open package for all agencies, and one agencyB may not see (tier A only; agencyB has no tier). */
const withMarket = async (w: World) => {
  await setTier(w, 'agencyA', 'A');
  remember(w, {
    packageId: (await openPackage(w, {}, 3, 'MK')).id,
    hiddenId: (await openPackage(w, { minTier: 'A' }, 3, 'HD')).id,
  });
};
const withBid = async (w: World) => {
  await withMarket(w);
  remember(w, { bidId: (await bidAs(w, 'agencyA.admin', state(w).packageId ?? '')).bid.id });
};
const AGENCY_ADMIN_ONLY = [
  'agencyA.supervisor',
  'agencyA.collector',
  'creditorA.admin',
  'platform.admin',
  'agencyNew.admin',
] as const;
const MARKET_READERS_REFUSED = ['agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'] as const;

export const marketAuthz: AuthzTable = {
  'market.list': {
    setup: withMarket,
    input: () => ({ sort: 'closing', limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...MARKET_READERS_REFUSED],
    wrongTenant: {
      none: 'lists only packages in the session agency’s circle (packages.integration.test.ts, tiers and invitations)',
      shared: 'a package open to the whole market is in every admitted agency’s circle',
    },
  },
  'market.get': {
    setup: withMarket,
    input: (w) => ({ packageId: state(w).packageId }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...MARKET_READERS_REFUSED],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ packageId: state(w).hiddenId }) },
  },
  'market.myBids': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...MARKET_READERS_REFUSED],
    wrongTenant: { none: 'lists only the session agency’s own bids' },
  },
  'market.bid.submit': {
    setup: withMarket,
    input: (w) => ({ packageId: state(w).packageId, ...sampleBid() }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...AGENCY_ADMIN_ONLY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ packageId: state(w).hiddenId, ...sampleBid() }) },
  },
  'market.bid.update': {
    setup: withBid,
    input: (w) => ({ bidId: state(w).bidId, ...sampleBid({ feeBp: 2000 }) }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...AGENCY_ADMIN_ONLY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ bidId: state(w).bidId, ...sampleBid() }) },
  },
  'market.bid.withdraw': {
    setup: withBid,
    input: (w) => ({ bidId: state(w).bidId }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...AGENCY_ADMIN_ONLY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ bidId: state(w).bidId }) },
  },
  'market.answerOffer': {
    setup: async (w) => {
      const pkg = await draftPackage(w, 3, 'OF');
      const manager = await callerAs(w.db, w.users['creditorA.manager']);
      await manager.packages.saveTerms({ packageId: pkg.id, terms: sampleTerms() });
      await manager.packages.offer({ packageId: pkg.id, agencyId: w.orgs.agencyA.id, feeBp: 2500 });
      remember(w, { packageId: pkg.id });
    },
    input: (w) => ({ packageId: state(w).packageId, accept: true }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...AGENCY_ADMIN_ONLY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ packageId: state(w).packageId, accept: true }) },
  },
};
