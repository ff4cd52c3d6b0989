import type { AuthzTable } from '@/server/testing/authz';
import { TEST_PASSWORD } from '@/server/testing/world';

export const meAuthz: AuthzTable = {
  'me.get': {
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: { none: 'every signed-in role reads its own profile' },
    wrongTenant: { none: 'takes no input: the user and organization come from the session' },
  },
  'me.changePassword': {
    // The same password again: the world's users keep signing in with it.
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: { none: 'every signed-in user changes their own password' },
    wrongTenant: { none: 'changes the session user only: there is no user or organization in the input' },
  },
};
