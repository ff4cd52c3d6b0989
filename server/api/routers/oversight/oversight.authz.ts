import type { AuthzTable } from '@/server/testing/authz';

const OWN = 'reads only actions on the session creditor’s cases (work.integration.test.ts, the creditor’s view)';

export const oversightAuthz: AuthzTable = {
  'oversight.activity': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: OWN },
  },
  'oversight.intensity': {
    input: () => ({ days: 30 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: OWN },
  },
};
