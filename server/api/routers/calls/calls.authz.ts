import type { AuthzTable } from '@/server/testing/authz';
import { callItem, casesWithCalls } from '@/server/testing/calls';
import { callerAs, type World } from '@/server/testing/world';

// Agencies send their dialers' records (admins and supervisors, or a key with calls:write);
// the agency, the creditors of the cases and staff read what they showed.

const withCalls = async (w: World) => {
  await casesWithCalls(w);
};

const callCsv =
  (w: World, as: 'agencyA.supervisor' | 'agencyB.supervisor' = 'agencyA.supervisor') =>
  async () =>
    (
      await (
        await callerAs(w.db, w.users[as])
      ).files.upload(
        new Blob([
          '记录编号,外呼线路,对方号码,开始时间,结果\r\nF1,021-61234567,13900003333,2026-01-02 10:00:00,未接\r\n',
        ]),
      )
    ).id;

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const period = () => ({ from: yesterday(), to: new Date().toISOString().slice(0, 10) });

export const callsAuthz: AuthzTable = {
  'calls.ingest': {
    input: () => ({ items: [callItem('13900004444', new Date(Date.now() - 3_600_000))] }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: { none: 'the agency is the session’s; an item names no organization (strict input)' },
  },
  'calls.importFile': {
    input: async (w) => ({ fileId: await callCsv(w)() }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin'],
    wrongTenant: { as: 'agencyB.supervisor', input: async (w) => ({ fileId: await callCsv(w)() }) },
  },
  'calls.batches': {
    setup: withCalls,
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin'],
    wrongTenant: { none: 'lists only the session agency’s batches' },
  },
  'calls.list': {
    setup: withCalls,
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['creditorNew.admin', 'agencyNew.admin'],
    wrongTenant: { none: 'lists only records the session’s organization may read (calls.integration.test.ts)' },
  },
  'calls.phantoms': {
    setup: withCalls,
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['creditorNew.admin', 'agencyNew.admin'],
    wrongTenant: { none: 'lists only actions on the session’s cases or by its agency (calls.integration.test.ts)' },
  },
  'calls.monthly': {
    setup: withCalls,
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'agencyA.supervisor', 'platform.reviewer'],
    wrongTenant: { none: 'the platform’s totals: staff only' },
  },
  'calls.summary': {
    setup: withCalls,
    input: () => period(),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorNew.admin', 'agencyNew.admin'],
    wrongTenant: { none: 'counts only records the session’s organization may read' },
  },
};
