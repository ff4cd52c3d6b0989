import type { AuthzTable } from '@/server/testing/authz';
import { caseWithRepayment } from '@/server/testing/work';
import { callerAs, type World } from '@/server/testing/world';

// Repayments the agency reported (through `work.reportRepayment`) wait for the creditor:
// its admin and managers decide them and bring in its repayment files; its viewers read.
type Made = { caseId: string; repaymentId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { caseId: '', repaymentId: '' };

/** A case of agencyA with a reported repayment, confirmed if asked. */
const withRepayment = (confirmed: boolean) => async (w: World) => {
  made.set(w, await caseWithRepayment(w, confirmed));
};

const repaymentCsv = (w: World) => async () =>
  (
    await (
      await callerAs(w.db, w.users['creditorA.manager'])
    ).files.upload(new Blob(['合同编号,还款金额,还款日期\r\nHT1,100,2026-01-02\r\n']))
  ).id;
const repaymentImport = async (w: World) => {
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  return manager.repayments.imports.start({ fileId: await repaymentCsv(w)(), fileName: '还款.csv' });
};

export const repaymentsAuthz: AuthzTable = {
  'repayments.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only repayments on the session creditor’s cases (repayments.integration.test.ts)' },
  },
  'repayments.decide': {
    setup: withRepayment(false),
    input: (w) => ({ repaymentId: of(w).repaymentId, confirm: true, note: '' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ repaymentId: of(w).repaymentId, confirm: true, note: '' }) },
  },
  'repayments.reverse': {
    setup: withRepayment(true),
    input: (w) => ({ repaymentId: of(w).repaymentId, reason: '银行退票' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ repaymentId: of(w).repaymentId, reason: '银行退票' }) },
  },
  'repayments.imports.start': {
    input: async (w) => ({ fileId: await repaymentCsv(w)(), fileName: '还款.csv' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: {
      as: 'creditorB.manager',
      input: async (w) => ({ fileId: await repaymentCsv(w)(), fileName: '还款.csv' }),
    },
  },
  'repayments.imports.get': {
    input: async (w) => ({ importId: (await repaymentImport(w)).id }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.admin', input: async (w) => ({ importId: (await repaymentImport(w)).id }) },
  },
  'repayments.imports.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session creditor’s repayment files (repayment-import.integration.test.ts)' },
  },
};
