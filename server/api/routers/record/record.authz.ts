import type { AuthzTable } from '@/server/testing/authz';
import { caseWithRepayment, caseWithVisit } from '@/server/testing/work';
import type { World } from '@/server/testing/world';

// A case's record: its creditor and the platform's auditors and complaint handlers read
// it; the agency works the case through `work.*`, never through the record.
const made = new WeakMap<World, string>();
const caseOf = (w: World) => made.get(w) ?? '';
/** A case of creditorA worked by agencyA, with a recorded visit and its photo. */
const withVisit = async (w: World) => {
  made.set(w, (await caseWithVisit(w, true)).caseId);
};
/** A case of creditorA worked by agencyA, with a confirmed repayment. */
const withRepayment = async (w: World) => {
  made.set(w, (await caseWithRepayment(w, true)).caseId);
};

export const recordAuthz: AuthzTable = {
  'record.case': {
    setup: withVisit,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ caseId: caseOf(w) }) },
  },
  'record.actions': {
    setup: withVisit,
    input: (w) => ({ caseId: caseOf(w), limit: 10 }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'platform.reviewer'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ caseId: caseOf(w), limit: 10 }) },
  },
  'record.visits': {
    setup: withVisit,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'platform.reviewer'],
    wrongTenant: { as: 'creditorB.viewer', input: (w) => ({ caseId: caseOf(w) }) },
  },
  'record.visitList': {
    setup: withVisit,
    input: () => ({ limit: 10 }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.reviewer', 'creditorNew.admin'],
    wrongTenant: {
      none: 'a creditor lists only visits on its own cases (visits.integration.test.ts, visit lists)',
      tenant: 'creditorA.admin',
    },
  },
  'record.changes': {
    setup: withRepayment,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.reviewer'],
    wrongTenant: { as: 'creditorB.viewer', input: (w) => ({ caseId: caseOf(w) }) },
  },
  'record.repayments': {
    setup: withRepayment,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.reviewer'],
    wrongTenant: { as: 'creditorB.viewer', input: (w) => ({ caseId: caseOf(w) }) },
  },
};
