import { creditCodeFor } from '@/db/seed/factories';
import type { AuthzTable } from '@/server/testing/authz';
import { givePhone } from '@/server/testing/world';

const CROSS_TENANT = 'a staff function: platform staff act across tenants by design';

export const staffAuthz: AuthzTable = {
  'staff.orgs.list': {
    input: () => ({ limit: 10 }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.orgs.get': {
    input: (w) => ({ orgId: w.orgs.creditorB.id }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.orgs.create': {
    input: () => ({
      type: 'agency',
      name: '杭州新立资产管理有限公司',
      creditCode: creditCodeFor(Math.floor(Math.random() * 1e9), '330106'),
    }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.orgs.setStatus': {
    input: (w) => ({ orgId: w.orgs.agencyB.id, status: 'suspended', reason: '投诉核实：存在辱骂债务人行为' }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.auditor', 'platform.complaints', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.users.list': {
    input: (w) => ({ orgId: w.orgs.agencyA.id, limit: 10 }),
    allowed: 'platform.reviewer',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.admin', 'agencyA.supervisor'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.users.create': {
    input: (w) => ({
      orgId: w.orgs.agencyB.id,
      email: `staff-made-${Math.random().toString(36).slice(2)}@example.cn`,
      name: '赵敏',
      role: 'collector',
    }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'creditorA.admin', 'agencyB.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.users.disable': {
    input: (w) => ({ userId: w.users['creditorB.viewer'].id }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.auditor', 'creditorB.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.users.revealPhone': {
    setup: (w) => givePhone(w, 'agencyB.collector', '13912345678'),
    input: (w) => ({ userId: w.users['agencyB.collector'].id, reason: '投诉核查需要联系' }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.auditor', 'agencyB.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.audit.list': {
    input: () => ({ limit: 10 }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.complaints', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: CROSS_TENANT },
  },
  'staff.rules.list': {
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'the rulebook is the platform’s, the same for every organization' },
  },
  'staff.calendar.list': {
    input: () => ({ year: 2026 }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.admin', 'agencyA.collector'],
    wrongTenant: { none: 'the working calendar is the platform’s, the same for every organization' },
  },
  'staff.calendar.setDay': {
    input: () => ({ day: '2027-02-20', kind: 'workday', holiday: 'springFestival' }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.auditor', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: 'the working calendar is the platform’s, the same for every organization' },
  },
  'staff.calendar.removeDay': {
    input: () => ({ day: '2027-06-09' }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.auditor', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: 'the working calendar is the platform’s, the same for every organization' },
  },
  'staff.rules.publish': {
    input: async (w) => {
      const { listRuleSets } = await import('@/server/domain/rules/publish');
      const [latest] = await listRuleSets(w.db);
      const { version: _v, ...draft } = latest?.rules ?? { version: 0 };
      return { basedOn: latest?.version ?? 1, draft };
    },
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.reviewer', 'platform.auditor', 'creditorA.admin', 'agencyA.admin'],
    wrongTenant: { none: 'the rulebook is the platform’s, the same for every organization' },
  },
};
