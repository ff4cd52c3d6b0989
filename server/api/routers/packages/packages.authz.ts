import type { AuthzTable } from '@/server/testing/authz';
import { importBytes, sampleCsv } from '@/server/testing/cases';
import { closedWithBids, draftPackage, openPackage, sampleTerms } from '@/server/testing/packages';
import type { World } from '@/server/testing/world';

// State made once per procedure's world and shared by its callers.
const made = new WeakMap<World, Record<string, string>>();
const state = (w: World) => made.get(w) ?? {};
const remember = (w: World, values: Record<string, string>): void => {
  made.set(w, { ...state(w), ...values });
};

const withDraft = async (w: World) => remember(w, { packageId: (await draftPackage(w, 3)).id });
const withOpen = async (w: World) => remember(w, { packageId: (await openPackage(w, {}, 3)).id });
const withClosed = async (w: World) => {
  const { pkg, bidA } = await closedWithBids(w, 3);
  remember(w, { packageId: pkg.id, bidId: bidA.id });
};
const pkgInput = (w: World) => ({ packageId: state(w).packageId ?? '' });
const CREDITOR_ONLY = ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'] as const;
const READERS_REFUSED = ['agencyA.admin', 'platform.admin', 'creditorNew.admin'] as const;

export const packagesAuthz: AuthzTable = {
  'packages.create': {
    setup: async (w) => remember(w, { importId: (await importBytes(w, 'creditorA.manager', sampleCsv(2, 'AZ'))).id }),
    input: (w) => ({ name: '包', source: { kind: 'import', importId: state(w).importId } }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: {
      as: 'creditorB.manager',
      input: (w) => ({ name: '包', source: { kind: 'import', importId: state(w).importId } }),
    },
  },
  'packages.preview': {
    input: () => ({ source: { kind: 'filter', buckets: [1] } }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: { none: 'counts only the session creditor’s own unplaced cases (packages.integration.test.ts)' },
  },
  'packages.get': {
    setup: withDraft,
    input: pkgInput,
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: [...READERS_REFUSED],
    wrongTenant: { as: 'creditorB.admin', input: pkgInput },
  },
  'packages.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: [...READERS_REFUSED],
    wrongTenant: {
      none: 'lists only the session creditor’s packages (packages.integration.test.ts, another creditor)',
    },
  },
  'packages.saveTerms': {
    setup: withDraft,
    input: (w) => ({ ...pkgInput(w), terms: sampleTerms() }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ ...pkgInput(w), terms: sampleTerms() }) },
  },
  'packages.open': {
    setup: async (w) => {
      await withDraft(w);
      const { callerAs } = await import('@/server/testing/world');
      await (
        await callerAs(w.db, w.users['creditorA.manager'])
      ).packages.saveTerms({ ...pkgInput(w), terms: sampleTerms() });
    },
    input: pkgInput,
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: { as: 'creditorB.manager', input: pkgInput },
  },
  'packages.cancel': {
    setup: withOpen,
    input: (w) => ({ ...pkgInput(w), reason: '不再外包' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ ...pkgInput(w), reason: '不再外包' }) },
  },
  'packages.bids': {
    setup: withClosed,
    input: pkgInput,
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: [...READERS_REFUSED],
    wrongTenant: { as: 'creditorB.admin', input: pkgInput },
  },
  'packages.award': {
    setup: withClosed,
    input: (w) => ({ ...pkgInput(w), shares: [{ bidId: state(w).bidId, share: { kind: 'all' } }] }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: {
      as: 'creditorB.manager',
      input: (w) => ({ ...pkgInput(w), shares: [{ bidId: state(w).bidId, share: { kind: 'all' } }] }),
    },
  },
  'packages.offer': {
    setup: async (w) => {
      await withDraft(w);
      const { callerAs } = await import('@/server/testing/world');
      await (
        await callerAs(w.db, w.users['creditorA.manager'])
      ).packages.saveTerms({ ...pkgInput(w), terms: sampleTerms() });
    },
    input: (w) => ({ ...pkgInput(w), agencyId: w.orgs.agencyA.id, feeBp: 2500 }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: {
      as: 'creditorB.manager',
      input: (w) => ({ ...pkgInput(w), agencyId: w.orgs.agencyA.id, feeBp: 2500 }),
    },
  },
  'packages.agencies': {
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: [...CREDITOR_ONLY],
    wrongTenant: {
      none: 'the admitted agencies are public (the disclosure page lists them); no tenant’s data',
      shared: 'every creditor sees the same admitted agencies',
    },
  },
};
