import type { AuthzTable } from '@/server/testing/authz';
import { callerAs, type World } from '@/server/testing/world';

const importOf = async (w: World) => {
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  const file = await manager.files.upload(new Blob(['合同编号\r\nHT1\r\n']));
  return manager.cases.imports.start({ fileId: file.id, fileName: 'x.csv' });
};

const csvFile = async (w: World) => (await (await callerAs(w.db, w.users['creditorA.manager'])).files.upload(new Blob(['合同编号\r\nHT1\r\n']))).id;

export const casesAuthz: AuthzTable = {
  'cases.imports.start': {
    input: async (w) => ({ fileId: await csvFile(w), fileName: 'cases.csv' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.manager', input: async (w) => ({ fileId: await csvFile(w), fileName: 'cases.csv' }) },
  },
  'cases.imports.get': {
    input: async (w) => ({ importId: (await importOf(w)).id }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.admin', input: async (w) => ({ importId: (await importOf(w)).id }) },
  },
  'cases.imports.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session organization’s imports (imports.integration.test.ts, tenancy)' },
  },
};
