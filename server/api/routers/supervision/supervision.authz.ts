import type { AuthzTable } from '@/server/testing/authz';

export const supervisionAuthz: AuthzTable = {
  'supervision.overview': {
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'platform-wide counts for staff; no tenant to cross' },
  },
};
