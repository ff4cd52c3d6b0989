// Who downloads a stored file through /api/files/[fileId] follows what the file is for:
// a creditor's import and repayment files (and their reports) its admins and managers;
// an export its requester; a visit's evidence and a repayment's receipt whoever may read
// the case (the agency working it, collectors only their own; the creditor; the platform's
// auditors and complaint handlers); an admission document the applicant's admins and the
// platform's reviewers; an upload nothing holds yet its uploader. Everyone else, another
// tenant or the wrong role alike, gets 404 as if the file did not exist; no session, 401.
// An import's file is not kept once the import ended; its report and error rows are.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DbHandle } from '@/db/client';
import { caseImports, storedFiles, type User } from '@/db/schema';
import { makeUser } from '@/db/seed/factories';
import { pngPhoto } from '@/db/seed/evidence';
import { sampleCaseRows, toCsv } from '@/db/seed/case-file';
import { samplePdf } from '@/db/seed/sample-pdf';
import { GET } from '@/app/api/files/[fileId]/route';
import { abandonImport } from '../domain/cases/import-run';
import { uploadFile } from '../domain/files/files';
import { reportRepayment } from '../domain/money/repayments';
import { attachEvidence, planVisit, recordVisit } from '../domain/work/visits';
import { JOB_HANDLERS } from '../jobs/handlers';
import { drainJobs } from '../jobs/queue';
import { bytesStream } from '../storage/ingest';
import { localStore, type BlobStore } from '../storage/store';
import { sampleCsv } from '../testing/cases';
import { createTestDb } from '../testing/db';
import { dayAfterTomorrow, inDaytimeZone, visitableCases } from '../testing/work';
import { buildWorld, callerAs, domainCaller, type UserKey, type World } from '../testing/world';

// The route reads the session's user and the app's database: here, the test's.
const session = vi.hoisted(() => ({ userId: null as string | null, db: null as unknown }));
vi.mock('./../auth/session', () => ({
  getSession: () => Promise.resolve(session.userId ? { userId: session.userId, sessionVersion: 0 } : null),
}));
vi.mock('@/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/db/client')>()),
  getDb: () => session.db,
}));

let handle: DbHandle;
let w: World;
let root: string;
let store: BlobStore;
/** A second collector of agencyA, who does not work the cases of the first. */
let otherCollector: User;
const globalStore = globalThis as unknown as { __daylightStore?: BlobStore };
let previousStore: BlobStore | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'daylight-downloads-'));
  store = localStore(root);
  previousStore = globalStore.__daylightStore;
  globalStore.__daylightStore = store;
  handle = await createTestDb();
  session.db = handle.db;
  w = await buildWorld(handle.db);
  otherCollector = await makeUser(handle.db, {
    orgId: w.orgs.agencyA.id,
    role: 'collector',
    name: 'agencyA collector 2',
  });
});
afterAll(async () => {
  globalStore.__daylightStore = previousStore;
  await handle.close();
  await rm(root, { recursive: true, force: true });
});

type Who = UserKey | 'anonymous' | 'otherCollector';

/** The HTTP status of GET /api/files/{fileId} for `who`. */
const download = async (who: Who, fileId: string): Promise<number> => {
  session.userId = who === 'anonymous' ? null : who === 'otherCollector' ? otherCollector.id : w.users[who].id;
  const res = await GET(new Request(`http://localhost/api/files/${fileId}`), { params: Promise.resolve({ fileId }) });
  await res.arrayBuffer();
  return res.status;
};

/** Expects each reader to get `status`. */
const expectStatus = async (fileId: string, table: Partial<Record<Who, number>>) => {
  const got: Partial<Record<Who, number>> = {};
  for (const who of Object.keys(table) as Who[]) got[who] = await download(who, fileId);
  expect(got).toEqual(table);
};

const caller = (who: UserKey) => callerAs(handle.db, w.users[who]);
const upload = async (who: UserKey, bytes: Uint8Array) =>
  (await caller(who)).files.upload(new Blob([new Uint8Array(bytes)]));
const shaOf = async (fileId: string) =>
  (await handle.db.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(eq(storedFiles.id, fileId)))[0]
    ?.sha256 ?? '';
const fileOfImport = async (importId: string) =>
  (await handle.db.select({ fileId: caseImports.fileId }).from(caseImports).where(eq(caseImports.id, importId)))[0]
    ?.fileId ?? '';

const CREDITOR_ONLY_MANAGERS = {
  anonymous: 401,
  'creditorA.admin': 200,
  'creditorA.manager': 200,
  'creditorA.viewer': 404,
  'creditorB.admin': 404,
  'agencyA.admin': 404,
  'platform.admin': 404,
  'platform.auditor': 404,
} as const;

describe('a creditor’s import files', () => {
  it('a case file waiting for its import: the creditor’s admins and managers only', async () => {
    const manager = await caller('creditorA.manager');
    const file = await upload('creditorA.manager', new TextEncoder().encode(sampleCsv(2, `DL${process.pid}`)));
    await manager.cases.imports.start({ fileId: file.id, fileName: 'cases.csv' });
    await expectStatus(file.id, CREDITOR_ONLY_MANAGERS);
  });

  it('a repayment file waiting for its import: the creditor’s admins and managers only', async () => {
    const manager = await caller('creditorA.manager');
    const file = await upload(
      'creditorA.manager',
      new TextEncoder().encode('\uFEFF合同编号,还款金额,还款日期\r\nNONE-1,10.00,2026-01-05\r\n'),
    );
    await manager.repayments.imports.start({ fileId: file.id, fileName: '还款.csv' });
    await expectStatus(file.id, CREDITOR_ONLY_MANAGERS);
  });

  it('an import’s report of bad rows: the creditor’s admins and managers; viewers are not offered it', async () => {
    const rows = [...sampleCaseRows(3, `RP${process.pid}`)];
    rows[2] = rows[2]!.map((v, i) => (i === 2 ? '110105199001011235' : v));
    const file = await upload('creditorA.manager', new TextEncoder().encode(toCsv(rows)));
    const started = await (
      await caller('creditorA.manager')
    ).cases.imports.start({ fileId: file.id, fileName: 'bad.csv' });
    await drainJobs(handle.db, JOB_HANDLERS);
    const imp = await (await caller('creditorA.manager')).cases.imports.get({ importId: started.id });
    expect(imp).toMatchObject({ status: 'failed', errorCount: 1 });
    await expectStatus(imp.reportFileId ?? '', CREDITOR_ONLY_MANAGERS);
    expect(await (await caller('creditorA.viewer')).cases.imports.get({ importId: started.id })).toMatchObject({
      status: 'failed',
      errorCount: 1,
      reportFileId: null,
    });
  });

  it('is not kept once its import ended, landed or refused: the cases, the report and the error rows stay', async () => {
    const manager = await caller('creditorA.manager');
    const landed = await manager.cases.imports.start({
      fileId: (await upload('creditorA.manager', new TextEncoder().encode(sampleCsv(3, `OK${process.pid}`)))).id,
      fileName: 'ok.csv',
    });
    const rows = [...sampleCaseRows(2, `NO${process.pid}`)];
    rows[1] = rows[1]!.map((v, i) => (i === 3 ? '12345' : v));
    const refused = await manager.cases.imports.start({
      fileId: (await upload('creditorA.manager', new TextEncoder().encode(toCsv(rows)))).id,
      fileName: 'no.csv',
    });
    const repaymentFile = await upload(
      'creditorA.manager',
      new TextEncoder().encode('\uFEFF合同编号,还款金额,还款日期\r\nNONE-2,10.00,2026-01-05\r\n'),
    );
    const repaid = await manager.repayments.imports.start({ fileId: repaymentFile.id, fileName: '还款.csv' });
    const files = {
      landed: await fileOfImport(landed.id),
      refused: await fileOfImport(refused.id),
      repaid: repaymentFile.id,
    };
    for (const id of Object.values(files)) expect(await store.has(await shaOf(id))).toBe(true);
    await drainJobs(handle.db, JOB_HANDLERS);

    expect(await manager.cases.imports.get({ importId: landed.id })).toMatchObject({
      status: 'succeeded',
      rowCount: 3,
    });
    const failed = await manager.cases.imports.get({ importId: refused.id });
    expect(failed).toMatchObject({
      status: 'failed',
      errorCount: 1,
      errors: [{ row: 2, column: '手机号', code: 'phone' }],
    });
    expect(await manager.repayments.imports.get({ importId: repaid.id })).toMatchObject({
      status: 'failed',
      errorCount: 1,
    });
    for (const id of Object.values(files)) expect(await store.has(await shaOf(id))).toBe(false);
    expect(await store.has(await shaOf(failed.reportFileId ?? ''))).toBe(true);
    expect(await download('creditorA.manager', files.landed)).toBe(404);
    expect(await download('creditorA.manager', failed.reportFileId ?? '')).toBe(200);
    // The file cannot start a second import.
    await expect(manager.cases.imports.start({ fileId: files.landed, fileName: 'ok.csv' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('is not kept once its import was given up either', async () => {
    const manager = await caller('creditorA.manager');
    const file = await upload('creditorA.manager', new TextEncoder().encode(sampleCsv(2, `GU${process.pid}`)));
    const started = await manager.cases.imports.start({ fileId: file.id, fileName: 'cases.csv' });
    await abandonImport(handle.db, started.id, store, 'db.busy');
    expect(await manager.cases.imports.get({ importId: started.id })).toMatchObject({
      status: 'failed',
      fileError: { code: 'dbBusy' },
    });
    expect(await store.has(file.sha256)).toBe(false);
  });
});

describe('an export', () => {
  it('its requester only, not the requester’s colleagues', async () => {
    const manager = await caller('creditorA.manager');
    const started = await manager.exports.start({ list: 'creditor.cases', format: 'csv', filters: {} });
    await drainJobs(handle.db, JOB_HANDLERS);
    const done = await manager.exports.get({ exportId: started.id });
    expect(done.fileId).toBeTruthy();
    await expectStatus(done.fileId ?? '', {
      anonymous: 401,
      'creditorA.manager': 200,
      'creditorA.admin': 404,
      'creditorA.viewer': 404,
      'creditorB.manager': 404,
      'platform.admin': 404,
    });
  });
});

describe('evidence on a case', () => {
  let caseId = '';
  beforeAll(async () => {
    ({ caseId } = await visitableCases(w, 2));
    await inDaytimeZone(w, caseId);
  });

  it('a visit’s photo: the agency working the case (its collector, not another), the creditor, the platform’s auditors', async () => {
    const collector = await domainCaller(w, 'agencyA.collector');
    const staffIds = [w.users['agencyA.collector'].id, w.users['agencyA.supervisor'].id];
    const visit = await planVisit(handle.db, collector, {
      caseId,
      date: dayAfterTomorrow(),
      time: '12:00',
      staffIds,
      address: '杭州市西湖区文三路 90 号',
      purpose: '',
    });
    await recordVisit(handle.db, collector, { visitId: visit.id, outcome: 'unanswered', note: '无人应门' });
    const photo = await uploadFile(handle.db, collector, bytesStream(pngPhoto(64, 48, 11)), store);
    await attachEvidence(handle.db, collector, { visitId: visit.id, fileId: photo.id, fileName: '门牌.png' });
    await expectStatus(photo.id, {
      anonymous: 401,
      'agencyA.collector': 200,
      otherCollector: 404,
      'agencyA.supervisor': 200,
      'agencyA.admin': 200,
      'agencyB.admin': 404,
      'creditorA.viewer': 200,
      'creditorB.admin': 404,
      'platform.auditor': 200,
      'platform.complaints': 200,
      'platform.reviewer': 404,
    });
  });

  it('a repayment’s receipt: the same readers as the case', async () => {
    const collector = await domainCaller(w, 'agencyA.collector');
    const receipt = await uploadFile(handle.db, collector, bytesStream(samplePdf(['转账回单 ¥100.00'])), store);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await reportRepayment(handle.db, collector, {
      caseId,
      amount: 10_000,
      paidOn: today,
      channel: 'bank_transfer',
      payer: '本人',
      reference: 'TX-DL-1',
      note: '',
      receiptFileId: receipt.id,
    });
    await expectStatus(receipt.id, {
      anonymous: 401,
      'agencyA.collector': 200,
      otherCollector: 404,
      'agencyA.supervisor': 200,
      'agencyB.admin': 404,
      'creditorA.manager': 200,
      'creditorA.viewer': 200,
      'creditorB.admin': 404,
      'platform.auditor': 200,
      'platform.reviewer': 404,
    });
  });
});

describe('an admission document', () => {
  it('the applicant’s admins and the platform’s reviewers', async () => {
    await expectStatus(w.licence.fileId, {
      anonymous: 401,
      'creditorNew.admin': 200,
      'creditorNew.manager': 404,
      'creditorNew.viewer': 404,
      'agencyNew.admin': 404,
      'creditorA.admin': 404,
      'platform.reviewer': 200,
      'platform.admin': 200,
      'platform.auditor': 404,
    });
  });
});

describe('an upload nothing holds yet', () => {
  it('its uploader only', async () => {
    const file = await upload('agencyA.collector', samplePdf(['草稿']));
    await expectStatus(file.id, {
      anonymous: 401,
      'agencyA.collector': 200,
      otherCollector: 404,
      'agencyA.admin': 404,
      'agencyB.admin': 404,
    });
  });
});

describe('a byte range through the route', () => {
  it('answers 206 for the range an uploader asks of their own upload, and 416 outside it, with Accept-Ranges', async () => {
    const pdf = samplePdf(['Range request']);
    const { id } = await upload('creditorA.manager', pdf);
    session.userId = w.users['creditorA.manager'].id;
    const get = (range: string) =>
      GET(new Request(`http://localhost/api/files/${id}`, { headers: { range } }), {
        params: Promise.resolve({ fileId: id }),
      });
    const part = await get('bytes=0-4');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-4/${pdf.byteLength}`);
    expect(new TextDecoder().decode(await part.arrayBuffer())).toBe('%PDF-');
    const outside = await get(`bytes=${pdf.byteLength}-`);
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${pdf.byteLength}`);
    expect(outside.headers.get('accept-ranges')).toBe('bytes');
  });
});
