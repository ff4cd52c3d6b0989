import type { AuthzTable } from '@/server/testing/authz';

export const meAuthz: AuthzTable = {
  'me.get': {
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: { none: 'every signed-in role reads its own profile' },
    wrongTenant: { none: 'takes no input: the user and organization come from the session' },
  },
};
