import { computeScorecards } from '@/server/domain/scorecards/compute';
import { addMonths, monthOf } from '@/lib/months';
import type { AuthzTable } from '@/server/testing/authz';
import { commissionedSince } from '@/server/testing/scorecards';
import type { World } from '@/server/testing/world';

// Scorecards: a creditor admin or manager rates an agency it commissioned; creditors read
// the cards of agencies they deal with, the agency its own, staff every one; a platform
// admin has an ended month computed again.
const thisMonth = () => monthOf(new Date());
const lastMonth = () => addMonths(thisMonth(), -1);

/** agencyA works cases of creditorA since the first of last month, and last month's cards exist. */
const commissionedAndScored = async (w: World) => {
  await commissionedSince(w, lastMonth(), 2);
  await computeScorecards(w.db, lastMonth());
};
const agencyA = (w: World) => ({ agencyId: w.orgs.agencyA.id });
const STAFF_ONLY = 'staff read and compute every agency’s cards; there is no tenant to cross';

export const scorecardsAuthz: AuthzTable = {
  'scorecards.rate': {
    setup: commissionedAndScored,
    input: (w) => ({ ...agencyA(w), month: thisMonth(), rating: 4, comment: '回款稳定，投诉处理及时。' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorB.admin',
      input: (w) => ({ ...agencyA(w), month: thisMonth(), rating: 1, comment: '从未委托过这家机构。' }),
    },
  },
  'scorecards.ratings': {
    setup: commissionedAndScored,
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'lists only the session creditor’s commissions and its own ratings (scorecards.integration.test.ts)',
    },
  },
  'scorecards.mine': {
    setup: commissionedAndScored,
    input: () => ({}),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: { none: 'the agency is the session’s own; no input names another' },
  },
  'scorecards.get': {
    setup: commissionedAndScored,
    input: agencyA,
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: { as: 'agencyB.admin', input: agencyA },
  },
  'scorecards.export': {
    setup: commissionedAndScored,
    input: (w) => ({ ...agencyA(w), month: lastMonth() }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ ...agencyA(w), month: lastMonth() }) },
  },
  'scorecards.month': {
    setup: commissionedAndScored,
    input: () => ({ month: lastMonth() }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: STAFF_ONLY },
  },
  'scorecards.recompute': {
    input: () => ({ month: lastMonth() }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', 'platform.complaints', 'platform.reviewer', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: STAFF_ONLY },
  },
};
