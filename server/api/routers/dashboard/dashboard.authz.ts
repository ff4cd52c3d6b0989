import type { AuthzTable } from '@/server/testing/authz';

// The money dashboards: any user of a creditor reads its own; an agency's supervisors and
// admins read the agency's. Each sums only the session organization's rows, so there is
// no tenant to point at.
const CREDITOR_QUALITY =
  'reads only the session creditor’s promises, actions, cases and commissions (dashboard-quality.integration.test.ts)';

export const dashboardAuthz: AuthzTable = {
  'dashboard.recovery': {
    input: () => ({ from: '2026-01', to: '2026-12' }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'sums only the session creditor’s repayments and commissions (statements.integration.test.ts, dashboard)',
    },
  },
  'dashboard.promises': {
    input: () => ({ from: '2026-01', to: '2026-12' }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: CREDITOR_QUALITY },
  },
  'dashboard.ageing': {
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: CREDITOR_QUALITY },
  },
  'dashboard.curves': {
    input: () => ({ from: '2026-01', to: '2026-12' }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: CREDITOR_QUALITY },
  },
  'dashboard.agency': {
    input: () => ({ from: '2026-01', to: '2026-12' }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin'],
    wrongTenant: {
      none: 'sums only the session agency’s repayments, commission and promises (statements.integration.test.ts, dashboard)',
    },
  },
};
