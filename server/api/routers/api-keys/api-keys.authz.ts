import type { AuthzTable } from '@/server/testing/authz';
import { callerAs, type World } from '@/server/testing/world';

const made = new WeakMap<World, string>();
/** A key of creditorA, made by its admin. */
const withKey = async (w: World) => {
  const admin = await callerAs(w.db, w.users['creditorA.admin']);
  const { key } = await admin.apiKeys.create({ name: '贷后系统', scopes: ['cases:read'] });
  made.set(w, key.id);
};

export const apiKeysAuthz: AuthzTable = {
  'apiKeys.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'creditorA.manager', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session organization’s keys (api-keys.integration.test.ts)' },
  },
  'apiKeys.create': {
    input: () => ({ name: '催收系统', scopes: ['cases:read'] }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.viewer', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorA.admin',
      input: (w) => ({ name: '越权', scopes: ['cases:read'], orgId: w.orgs.creditorB.id }),
      expect: 'BAD_REQUEST',
    },
  },
  'apiKeys.revoke': {
    setup: withKey,
    input: (w) => ({ keyId: made.get(w) }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'agencyA.supervisor', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ keyId: made.get(w) }) },
  },
};
