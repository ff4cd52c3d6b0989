import type { AuthzTable } from '@/server/testing/authz';
import { callerAs, type World } from '@/server/testing/world';

// Exports: anyone signed in may export a list their portal and role can read; an export
// belongs to the user who asked for it.
const exportOf = async (w: World) =>
  (await callerAs(w.db, w.users['creditorA.manager'])).exports.start({
    list: 'creditor.repayments',
    format: 'csv',
    filters: {},
  });

export const exportsAuthz: AuthzTable = {
  'exports.start': {
    input: () => ({ list: 'creditor.cases', format: 'xlsx', filters: {} }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'the filters cannot name a tenant (refused as unknown keys); the list is always the session organization’s (exports.integration.test.ts)',
    },
  },
  'exports.get': {
    input: async (w) => ({ exportId: (await exportOf(w)).id }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: { none: 'any signed-in user reads only the exports they asked for' },
    wrongTenant: { as: 'creditorB.admin', input: async (w) => ({ exportId: (await exportOf(w)).id }) },
  },
  'exports.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: { none: 'any signed-in user lists the exports they asked for' },
    wrongTenant: { none: 'lists only the session user’s own exports (exports.integration.test.ts)' },
  },
};
