import { computeCreditorScorecards } from '@/server/domain/scorecards/creditor-compute';
import { computeScorecards } from '@/server/domain/scorecards/compute';
import { addMonths, monthOf } from '@/lib/months';
import type { AuthzTable } from '@/server/testing/authz';
import { commissionedSince } from '@/server/testing/scorecards';
import type { World } from '@/server/testing/world';

// Creditor scorecards: an agency admin rates the case files of a creditor it worked for;
// the agency's admin and supervisors read its ratings; a creditor reads its own cards,
// staff every creditor's.
const thisMonth = () => monthOf(new Date());
const lastMonth = () => addMonths(thisMonth(), -1);

/** agencyA works cases of creditorA since the first of last month, and last month's cards exist. */
const workedAndScored = async (w: World) => {
  await commissionedSince(w, lastMonth(), 2);
  await computeScorecards(w.db, lastMonth());
  await computeCreditorScorecards(w.db, lastMonth());
};
const creditorA = (w: World) => ({ creditorId: w.orgs.creditorA.id });
const STAFF_ONLY = 'staff read every creditor’s cards; there is no tenant to cross';

export const creditorScorecardsAuthz: AuthzTable = {
  'scorecards.creditors.rate': {
    setup: workedAndScored,
    input: (w) => ({ ...creditorA(w), month: thisMonth(), rating: 2, comment: '联系人电话多处错误。' }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: {
      as: 'agencyB.admin',
      input: (w) => ({ ...creditorA(w), month: thisMonth(), rating: 1, comment: '从未承接过这家委托方。' }),
    },
  },
  'scorecards.creditors.ratings': {
    setup: workedAndScored,
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: {
      none: 'lists only the session agency’s commissions and its own ratings (creditor-scorecards.integration.test.ts)',
    },
  },
  'scorecards.creditors.mine': {
    setup: workedAndScored,
    input: () => ({}),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'the creditor is the session’s own; no input names another' },
  },
  'scorecards.creditors.get': {
    setup: workedAndScored,
    input: creditorA,
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: STAFF_ONLY },
  },
  'scorecards.creditors.month': {
    setup: workedAndScored,
    input: () => ({ month: lastMonth() }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: STAFF_ONLY },
  },
};
