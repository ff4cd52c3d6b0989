import type { AuthzTable } from '@/server/testing/authz';
import { awardedToA, caseIdsOf } from '@/server/testing/packages';
import { callerAs, type World } from '@/server/testing/world';

const made = new WeakMap<World, { caseId: string }>();
/** A package awarded to agencyA; remembers one of its cases. */
const withCommission = async (w: World) => {
  const { pkg } = await awardedToA(w, 3, 'CA');
  made.set(w, { caseId: (await caseIdsOf(w, pkg.id))[0] ?? '' });
};
const caseId = (w: World) => made.get(w)?.caseId ?? '';

const importOf = async (w: World) => {
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  const file = await manager.files.upload(new Blob(['合同编号\r\nHT1\r\n']));
  return manager.cases.imports.start({ fileId: file.id, fileName: 'x.csv' });
};

const updateOf = async (w: World) => {
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  const file = await manager.files.upload(new Blob(['合同编号,地址\r\nHT1,杭州\r\n']));
  return manager.cases.updates.start({ fileId: file.id, fileName: 'updates.csv' });
};

const csvFile = async (w: World) =>
  (await (await callerAs(w.db, w.users['creditorA.manager'])).files.upload(new Blob(['合同编号\r\nHT1\r\n']))).id;

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
  'cases.updates.start': {
    input: async (w) => ({ fileId: await csvFile(w), fileName: 'updates.csv' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorB.manager',
      input: async (w) => ({ fileId: await csvFile(w), fileName: 'updates.csv' }),
    },
  },
  'cases.updates.get': {
    input: async (w) => ({ importId: (await updateOf(w)).id }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.admin', input: async (w) => ({ importId: (await updateOf(w)).id }) },
  },
  'cases.updates.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'lists only the session organization’s update files (case-updates.integration.test.ts, tenancy)',
    },
  },
  'cases.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session creditor’s cases (cases.integration.test.ts)' },
  },
  'cases.recall': {
    setup: withCommission,
    input: (w) => ({ caseIds: [caseId(w)], reason: '债务人已结清' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ caseIds: [caseId(w)], reason: '债务人已结清' }) },
  },
  'cases.close': {
    setup: withCommission,
    input: (w) => ({ caseId: caseId(w), reason: '债务人已身故，无财产可供执行' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorB.admin',
      input: (w) => ({ caseId: caseId(w), reason: '债务人已身故，无财产可供执行' }),
    },
  },
  'cases.agency.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: {
      none: 'lists only cases commissioned to the session agency, a collector only their own (cases.integration.test.ts)',
    },
  },
  'cases.agency.assign': {
    setup: withCommission,
    input: (w) => ({ caseIds: [caseId(w)], collectorId: w.users['agencyA.collector'].id }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: {
      as: 'agencyB.admin',
      input: (w) => ({ caseIds: [caseId(w)], collectorId: w.users['agencyB.collector'].id }),
    },
  },
  'cases.agency.assignByRule': {
    setup: withCommission,
    input: (w) => ({ rule: { kind: 'roundRobin', collectorIds: [w.users['agencyA.collector'].id] } }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    // Another agency's collector is not one of the caller's: a named-field error, nothing assigned.
    wrongTenant: {
      as: 'agencyB.admin',
      input: (w) => ({ rule: { kind: 'roundRobin', collectorIds: [w.users['agencyA.collector'].id] } }),
      expect: 'BAD_REQUEST',
    },
  },
};
