import type { AuthzTable } from '@/server/testing/authz';
import { givePhone } from '@/server/testing/world';

export const orgAuthz: AuthzTable = {
  'org.get': {
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: { none: 'every signed-in role reads its own organization' },
    wrongTenant: { none: 'takes no input: the organization comes from the session' },
  },
  'org.users.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.viewer', 'platform.reviewer'],
    wrongTenant: {
      none: 'takes no organization: it lists the session organization only (other tenants absent is asserted in org.integration.test.ts)',
    },
  },
  'org.users.invite': {
    input: () => ({ email: `new-${Math.random().toString(36).slice(2)}@example.cn`, name: '王小明', role: 'viewer' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'creditorA.viewer'],
    wrongTenant: {
      as: 'creditorA.admin',
      input: (w) => ({ email: 'intruder@example.cn', name: '李四', role: 'viewer', orgId: w.orgs.creditorB.id }),
      expect: 'BAD_REQUEST',
    },
  },
  'org.users.revealPhone': {
    setup: (w) => givePhone(w, 'creditorA.viewer', '13912345678'),
    input: (w) => ({ userId: w.users['creditorA.viewer'].id, reason: '核实联系方式' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'creditorA.viewer'],
    wrongTenant: {
      as: 'creditorB.admin',
      input: (w) => ({ userId: w.users['creditorA.viewer'].id, reason: '核实联系方式' }),
    },
  },
  'org.users.disable': {
    input: (w) => ({ userId: w.users['agencyA.collector'].id }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'agencyA.collector'],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ userId: w.users['agencyA.collector'].id }) },
  },
};
