import type { AuthzTable } from '@/server/testing/authz';

const PUBLIC = 'the public lists of admitted and banned agencies are published for everyone';

export const publicAuthz: AuthzTable = {
  'public.agencies.admitted': {
    input: () => ({ limit: 10 }),
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: { none: 'lists only public facts of admitted agencies; no tenant data (public.integration.test.ts)' },
  },
  'public.agencies.banned': {
    input: () => ({ limit: 10 }),
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: { none: 'lists only public facts of banned agencies; no tenant data (public.integration.test.ts)' },
  },
  'public.rulebook': {
    allowed: 'anonymous',
    anonymous: { isPublic: 'the rulebook every agency works under is published for everyone, debtors first' },
    wrongRole: { none: 'the same rulebook for every reader' },
    wrongTenant: { none: 'the platform’s rulebook holds no tenant data' },
  },
};
