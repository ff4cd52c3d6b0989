import type { AuthzTable } from '@/server/testing/authz';

const INVITEE = 'the invited person has no session yet: the one-time token is the credential';

export const authAuthz: AuthzTable = {
  'auth.invite.get': {
    input: () => ({ token: 'x'.repeat(43) }),
    allowed: 'anonymous',
    anonymous: { isPublic: INVITEE },
    wrongRole: { none: INVITEE },
    wrongTenant: {
      none: 'a token names one user; an unknown or used token answers NOT_FOUND (auth.integration.test.ts)',
    },
  },
  'auth.invite.accept': {
    input: () => ({ token: 'x'.repeat(43), password: 'long-enough-password', confirmPassword: 'long-enough-password' }),
    allowed: 'anonymous',
    anonymous: { isPublic: INVITEE },
    wrongRole: { none: INVITEE },
    wrongTenant: {
      none: 'a token names one user; an unknown or used token answers NOT_FOUND (auth.integration.test.ts)',
    },
  },
};
