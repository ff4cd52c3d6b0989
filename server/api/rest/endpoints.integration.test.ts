// Every endpoint of /api/v1 refuses a call with no key (401), a key without the endpoint's
// scope (403), a key of the other kind of organization (403), and another tenant's ids
// (404, as the procedures answer), and serves a key with the scope. A new endpoint without
// a case here fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '@/db/client';
import { cases } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';
import { API_SCOPES, type ApiScope } from '@/lib/api-scopes';
import { wavRecording } from '@/db/seed/evidence';
import { apiCall, drainingJobs, keyOf } from '../../testing/api';
import { numbersOfCase } from '../../testing/calls';
import { insertCallRecord } from '../../testing/call-records';
import { importBytes, sampleCsv } from '../../testing/cases';
import { createTestDb } from '../../testing/db';
import { draftPackage } from '../../testing/packages';
import { middayZone, workingCases } from '../../testing/work';
import { drainJobs } from '../../jobs/queue';
import { JOB_HANDLERS } from '../../jobs/handlers';
import { buildWorld, callerAs, type World } from '../../testing/world';
import { ENDPOINTS } from './endpoints';

let handle: DbHandle;
let w: World;
const ids = {
  creditorCase: '',
  importId: '',
  updateImportId: '',
  repaymentImportId: '',
  packageId: '',
  agencyCase: '',
  heldCase: '',
  agencyPhone: '',
  callExternalId: '',
};

type Case = {
  /** The path with this world's ids; the wrong tenant's key calls the same one. */
  path: () => string;
  body?: () => unknown;
  status: number;
  /** Lists answer the other tenant with nothing of the first one's; ids answer 404. */
  wrongTenant: 'notFound' | { absent: (body: Record<string, unknown>) => boolean };
};

const noneOf = (id: () => string) => (body: Record<string, unknown>) => !JSON.stringify(body).includes(id());

const CASES: Record<string, Case> = {
  placeCases: {
    path: () => '/creditor/cases/batch',
    body: () => ({ items: [{ contractNo: 'X' }] }),
    status: 422,
    wrongTenant: { absent: () => true },
  },
  getImport: { path: () => `/creditor/imports/${ids.importId}`, status: 200, wrongTenant: 'notFound' },
  updateCases: {
    path: () => '/creditor/cases/updates',
    body: () => ({ items: [{ contractNo: 'APIA00000002', address: '深圳市南山区科技园路 1 号' }] }),
    status: 201,
    // Another creditor's contract is no contract of its own: the item is refused, nothing of A's named.
    wrongTenant: { absent: (body) => body.status === 422 && !JSON.stringify(body).includes('深圳市南山区') },
  },
  getUpdateImport: {
    path: () => `/creditor/update-imports/${ids.updateImportId}`,
    status: 200,
    wrongTenant: 'notFound',
  },
  recordRepayments: {
    path: () => '/creditor/repayments/batch',
    body: () => ({ items: [{ contractNo: 'APIA00000001', amount: 10_000, paidOn: shanghaiDate(new Date()) }] }),
    status: 201,
    wrongTenant: { absent: (body) => body.status === 422 },
  },
  getRepaymentImport: {
    path: () => `/creditor/repayment-imports/${ids.repaymentImportId}`,
    status: 200,
    wrongTenant: 'notFound',
  },
  listCases: {
    path: () => '/creditor/cases?limit=5',
    status: 200,
    wrongTenant: { absent: noneOf(() => ids.creditorCase) },
  },
  getCase: { path: () => `/creditor/cases/${ids.creditorCase}`, status: 200, wrongTenant: 'notFound' },
  listCaseActions: { path: () => `/creditor/cases/${ids.creditorCase}/actions`, status: 200, wrongTenant: 'notFound' },
  listCaseVisits: { path: () => `/creditor/cases/${ids.creditorCase}/visits`, status: 200, wrongTenant: 'notFound' },
  listCaseRepayments: {
    path: () => `/creditor/cases/${ids.creditorCase}/repayments`,
    status: 200,
    wrongTenant: 'notFound',
  },
  listCaseComplaints: {
    path: () => `/creditor/cases/${ids.agencyCase}/complaints`,
    status: 200,
    wrongTenant: 'notFound',
  },
  recallCases: {
    path: () => '/creditor/cases/recall',
    body: () => ({ caseIds: [ids.heldCase], reason: '债务人已直接还款' }),
    status: 200,
    wrongTenant: 'notFound',
  },
  listPackages: {
    path: () => '/creditor/packages',
    status: 200,
    wrongTenant: { absent: noneOf(() => ids.packageId) },
  },
  getPackage: { path: () => `/creditor/packages/${ids.packageId}`, status: 200, wrongTenant: 'notFound' },
  listPackageBids: { path: () => `/creditor/packages/${ids.packageId}/bids`, status: 200, wrongTenant: 'notFound' },
  listCommissionedCases: {
    path: () => '/agency/cases',
    status: 200,
    wrongTenant: { absent: noneOf(() => ids.agencyCase) },
  },
  listCreditorEvents: {
    path: () => '/creditor/events',
    status: 200,
    wrongTenant: { absent: noneOf(() => ids.creditorCase) },
  },
  listAgencyEvents: {
    path: () => '/agency/events',
    status: 200,
    wrongTenant: { absent: noneOf(() => ids.agencyCase) },
  },
  checkContact: {
    path: () => '/agency/contact-checks',
    body: () => ({ caseId: ids.agencyCase, channel: 'letter', target: 'debtor', index: 0 }),
    status: 200,
    wrongTenant: 'notFound',
  },
  logAction: {
    path: () => '/agency/actions',
    body: () => ({
      caseId: ids.agencyCase,
      channel: 'call',
      target: 'debtor',
      index: 0,
      outcome: 'answered',
      note: '债务人接听，称月底还款',
    }),
    status: 201,
    wrongTenant: 'notFound',
  },
  sendCallRecords: {
    path: () => '/agency/calls/batch',
    body: () => ({
      items: [
        {
          id: `CDR${Date.now()}${Math.random()}`,
          line: '021-61234567',
          party: ids.agencyPhone,
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
          disposition: 'no_answer',
        },
      ],
    }),
    status: 201,
    // Another agency's key stores the record as its own (the agency is the key's): the number of agencyA's case is no case of its.
    wrongTenant: { absent: (body) => body.matched === 0 && body.stored === 1 },
  },
  reportRepayment: {
    path: () => '/agency/repayments',
    body: () => ({
      caseId: ids.agencyCase,
      amount: 10_000,
      paidOn: shanghaiDate(new Date()),
      channel: 'bank_transfer',
      payer: '债务人',
      reference: `TX${Date.now()}`,
      note: '',
    }),
    status: 201,
    wrongTenant: 'notFound',
  },
  putCallRecording: {
    path: () => `/agency/calls/${ids.callExternalId}/recording`,
    body: () => wavRecording(1),
    status: 201,
    wrongTenant: 'notFound',
  },
};

let stopJobs: () => Promise<void>;

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  const imp = await importBytes(w, 'creditorA.manager', sampleCsv(3, 'APIA'));
  ids.importId = imp.id;
  const pkg = await draftPackage(w, 4, 'APIP');
  ids.packageId = pkg.id;
  const { caseId, caseIds } = await workingCases(w, 2);
  ids.agencyCase = caseId;
  ids.heldCase = caseIds.find((id) => id !== caseId) ?? '';
  ids.agencyPhone = (await numbersOfCase(w, caseId)).debtor[0] ?? '';
  ids.callExternalId = (await insertCallRecord(w, { caseId })).externalId;
  // Where it is midday now: the call the test logs is inside the contact window at any hour.
  await w.db.update(cases).set({ timeZone: middayZone() }).where(eq(cases.id, caseId));
  const list = await apiCall(handle.db, 'GET', `/creditor/cases?importId=${imp.id}`, {
    key: (await keyOf(w, 'creditorA.admin', ['cases:read'])).secret,
  });
  ids.creditorCase = (list.body.items as { id: string }[])[0]?.id ?? '';
  const manager = await callerAs(w.db, w.users['creditorA.manager']);
  const upload = async (csv: string) => (await manager.files.upload(new Blob([csv]))).id;
  ids.updateImportId = (
    await manager.cases.updates.start({
      fileId: await upload('contract_no,address\r\nAPIA00000000,杭州市\r\n'),
      fileName: 'u.csv',
    })
  ).id;
  ids.repaymentImportId = (
    await manager.repayments.imports.start({
      fileId: await upload(`contract_no,amount,paid_on\r\nAPIA00000000,1.00,${shanghaiDate(new Date())}\r\n`),
      fileName: 'r.csv',
    })
  ).id;
  await drainJobs(w.db, JOB_HANDLERS);
  stopJobs = drainingJobs(handle.db);
});
afterAll(async () => {
  await stopJobs();
  await handle.close();
});

const ownerOf = (orgType: 'creditor' | 'agency') => (orgType === 'creditor' ? 'creditorA.admin' : 'agencyA.admin');
const otherTenant = (orgType: 'creditor' | 'agency') => (orgType === 'creditor' ? 'creditorB.admin' : 'agencyB.admin');
const otherKind = (orgType: 'creditor' | 'agency') => (orgType === 'creditor' ? 'agencyA.admin' : 'creditorA.admin');
const allOf = (orgType: 'creditor' | 'agency'): ApiScope[] => [...API_SCOPES[orgType]];

it('has a case for every endpoint', () => {
  expect(ENDPOINTS.map((e) => e.operationId).filter((id) => !CASES[id])).toEqual([]);
});

describe.each(ENDPOINTS.map((e) => [e.operationId, e] as const))('%s', (operationId, e) => {
  const c = CASES[operationId] as Case;
  const send = (key: string | null) =>
    apiCall(handle.db, e.method, c.path(), { key, ...(c.body ? { body: c.body() } : {}) });

  it('refuses a call with no key: 401 problem details', async () => {
    const res = await send(null);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body).toMatchObject({ status: 401, code: 'api.keyMissing' });
  });

  it(`refuses a key without ${e.scope}: 403`, async () => {
    const scopes = allOf(e.orgType).filter((s) => s !== e.scope);
    const { secret } = await keyOf(w, ownerOf(e.orgType), scopes);
    const res = await send(secret);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'api.scopeMissing', values: { scope: e.scope } });
  });

  it('refuses a key of the other kind of organization: 403', async () => {
    const kind = e.orgType === 'creditor' ? 'agency' : 'creditor';
    const { secret } = await keyOf(w, otherKind(e.orgType), allOf(kind));
    const res = await send(secret);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'auth.forbidden' });
  });

  it('answers another tenant as if the resource did not exist', async () => {
    const { secret } = await keyOf(w, otherTenant(e.orgType), allOf(e.orgType));
    const res = await send(secret);
    if (c.wrongTenant === 'notFound') {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    } else {
      expect(res.status).toBeLessThan(500);
      expect(c.wrongTenant.absent(res.body)).toBe(true);
    }
  });

  it(`serves a key with ${e.scope}`, async () => {
    const { secret } = await keyOf(w, ownerOf(e.orgType), [e.scope]);
    const res = await send(secret);
    expect(res.status, JSON.stringify(res.body)).toBe(c.status);
    expect(res.headers.get('ratelimit-limit')).toBe('600');
  });
});
