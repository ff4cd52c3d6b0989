// Retention: working data is removed once nothing reads it any more (finished jobs, rate
// and sign-in attempts past their windows, complaint uploads never filed, exports past
// their download week, uploads never attached), in one audited count per run. Evidence and
// records stay: filed complaint evidence, files a record points at, the audit log; the
// database refuses deleting a file younger than 25 hours. A second run removes nothing
// and writes nothing.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq, inArray, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import {
  apiIdempotency,
  apiRateWindows,
  auditLog,
  caseImports,
  complaintEvidence,
  complaintUploads,
  jobs,
  listExports,
  rateEvents,
  repayments,
  signInAttempts,
  storedFiles,
} from '@/db/schema';
import { samplePdf } from '@/db/seed/sample-pdf';
import { uploadComplaintEvidence } from '../complaints/file';
import { fileOrgComplaint } from '../complaints/file-org';
import { getExport } from '../exports/exports';
import { openFile, ownFile, uploadFile } from '../files/files';
import { bytesStream, ingest } from '../../storage/ingest';
import { localStore, type BlobStore } from '../../storage/store';
import { someAddress } from '../../testing/complaints';
import { verifiedDebtor } from '../../testing/debtor';
import { disputeAsDebtor } from '../debtor/dispute';
import { createTestDb } from '../../testing/db';
import { workingCases } from '../../testing/work';
import { buildWorld, callerAs, domainCaller, type World } from '../../testing/world';
import { sweepRetention } from './sweep';
import { BATCH_SIZE } from './records';
import { RATE_EVENT_MS } from './windows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let handle: DbHandle;
let w: World;
let store: BlobStore;
let storeDir: string;
beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  // A store of this file's own: the shared test store holds other files' bytes.
  storeDir = await mkdtemp(path.join(tmpdir(), 'daylight-retention-'));
  store = localStore(storeDir);
});
afterAll(async () => {
  await handle.close();
  await rm(storeDir, { recursive: true, force: true });
});

/** PDF bytes no other test has. */
const uniquePdf = () => samplePdf([`retention ${randomUUID()}`]);
/** CSV bytes (what an export writes) no other test has. */
const uniqueCsv = () => new TextEncoder().encode(`\uFEFF合同编号,借款人\r\nRT-${randomUUID()},张三\r\n`);

/** A stored_files row of creditorA for `bytes`, uploaded at `createdAt`. */
const storedFile = async (bytes: Uint8Array, createdAt: Date) => {
  const stored = await ingest(bytesStream(bytes), store);
  const [file] = await handle.db
    .insert(storedFiles)
    .values({ orgId: w.orgs.creditorA.id, uploadedBy: w.users['creditorA.manager'].id, ...stored, createdAt })
    .returning();
  if (!file) throw new Error('no file');
  return file;
};

/** A finished export of creditorA's manager, its file written at `finishedAt`. */
const finishedExport = async (bytes: Uint8Array, finishedAt: Date) => {
  const file = await storedFile(bytes, finishedAt);
  const [e] = await handle.db
    .insert(listExports)
    .values({
      orgId: w.orgs.creditorA.id,
      userId: w.users['creditorA.manager'].id,
      list: 'creditor.cases',
      format: 'csv',
      locale: 'zh-CN',
      fileName: 'cases.csv',
      status: 'succeeded',
      rowCount: 1,
      fileId: file.id,
      finishedAt,
      createdAt: finishedAt,
      updatedAt: finishedAt,
    })
    .returning();
  if (!e) throw new Error('no export');
  return { exportId: e.id, fileId: file.id, sha256: file.sha256 };
};

const uploadAt = (bytes: Uint8Array, at: Date) =>
  uploadComplaintEvidence(handle.db, someAddress(), bytesStream(bytes), store, at);

const rowCount = async (table: typeof auditLog | typeof complaintEvidence | typeof storedFiles) =>
  (await handle.db.select({ n: count() }).from(table))[0]?.n ?? 0;
const sweeps = () => handle.db.select().from(auditLog).where(eq(auditLog.action, 'retention.swept'));

describe('the retention sweep', () => {
  it('removes what is past its window, keeps the young, the referenced and the filed, audits a count once, and finds nothing the second time', async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const manager = await domainCaller(w, 'creditorA.manager');

    // Jobs: done ones go after 35 days, failed ones after 90; waiting and running ones never.
    const [oldDone, youngDone, oldFailed, youngFailed, waiting, running] = await handle.db
      .insert(jobs)
      .values([
        { kind: 'test.retention', status: 'done', finishedAt: ago(36 * DAY), createdAt: ago(36 * DAY) },
        { kind: 'test.retention', status: 'done', finishedAt: ago(34 * DAY), createdAt: ago(34 * DAY) },
        { kind: 'test.retention', status: 'failed', finishedAt: ago(91 * DAY), createdAt: ago(91 * DAY) },
        { kind: 'test.retention', status: 'failed', finishedAt: ago(36 * DAY), createdAt: ago(36 * DAY) },
        { kind: 'test.retention', status: 'queued', runAt: ago(100 * DAY), createdAt: ago(100 * DAY) },
        {
          kind: 'test.retention',
          status: 'running',
          runAt: ago(100 * DAY),
          lockedUntil: ago(99 * DAY),
          createdAt: ago(100 * DAY),
        },
      ])
      .returning({ id: jobs.id });

    // Rate-limit attempts: a limit counts a day back at most; sign-in attempts: the throttle reads 30 minutes.
    const [oldRate, youngRate] = await handle.db
      .insert(rateEvents)
      .values([
        { key: `test:${randomUUID()}`, at: ago(DAY + HOUR + 60_000) },
        { key: `test:${randomUUID()}`, at: ago(23 * HOUR) },
      ])
      .returning({ id: rateEvents.id });
    // An API key's minute counts go an hour on; idempotency keys after a day (and an hour).
    const { key: apiKey } = await (
      await callerAs(handle.db, w.users['creditorA.admin'])
    ).apiKeys.create({
      name: 'retention',
      scopes: ['cases:read'],
    });
    await handle.db.insert(apiRateWindows).values([
      { keyId: apiKey.id, windowStart: ago(2 * HOUR), calls: 5 },
      { keyId: apiKey.id, windowStart: ago(10 * 60_000), calls: 5 },
    ]);
    await handle.db.insert(apiIdempotency).values([
      {
        orgId: w.orgs.creditorA.id,
        key: 'old',
        route: 'POST /x',
        bodyHash: 'h',
        status: 201,
        response: '{}',
        createdAt: ago(DAY + 2 * HOUR),
      },
      {
        orgId: w.orgs.creditorA.id,
        key: 'young',
        route: 'POST /x',
        bodyHash: 'h',
        status: 201,
        response: '{}',
        createdAt: ago(DAY),
      },
    ]);
    const [oldSignIn, youngSignIn] = await handle.db
      .insert(signInAttempts)
      .values([
        { email: 'someone@example.com', ip: '203.0.113.9', isSuccess: false, at: ago(2 * HOUR) },
        { email: 'someone@example.com', ip: '203.0.113.9', isSuccess: false, at: ago(10 * 60_000) },
      ])
      .returning({ id: signInAttempts.id });

    // Complaint uploads: one never filed (its bytes go), one filed as evidence three days ago
    // (kept), a never-filed copy of that evidence (the row goes, the shared bytes stay), one
    // uploaded an hour ago (may still be filed).
    const unfiledBytes = uniquePdf();
    const evidenceBytes = uniquePdf();
    const unfiled = await uploadAt(unfiledBytes, ago(26 * HOUR));
    const filed = await uploadAt(evidenceBytes, ago(3 * DAY));
    const copyOfFiled = await uploadAt(evidenceBytes, ago(26 * HOUR));
    const young = await uploadAt(uniquePdf(), ago(HOUR));
    await fileOrgComplaint(
      handle.db,
      await domainCaller(w, 'platform.complaints'),
      {
        caseId: null,
        agencyId: w.orgs.agencyA.id,
        category: 'threats',
        description: '外访人员在债务人单位大声喧哗并威胁其同事。',
        evidence: [{ uploadId: filed.id, fileName: '录音.pdf' }],
      },
      ago(3 * DAY - HOUR),
    );

    // Exports: one past its week (its file goes, record and bytes), one within it, and two past it whose bytes
    // something else still needs: an import still running on the same file (a record) and an upload of an hour ago.
    // A third past it shares its bytes with an import that ended: that import reads its file no more, the bytes go.
    const expired = await finishedExport(uniqueCsv(), ago(8 * DAY));
    const current = await finishedExport(uniqueCsv(), ago(6 * DAY));
    const importedBytes = uniqueCsv();
    const asImport = await storedFile(importedBytes, ago(30 * DAY));
    await handle.db.insert(caseImports).values({
      creditorId: w.orgs.creditorA.id,
      fileId: asImport.id,
      fileName: 'cases.csv',
      status: 'running',
      createdBy: w.users['creditorA.manager'].id,
    });
    const sharedWithImport = await finishedExport(importedBytes, ago(8 * DAY));
    const endedBytes = uniqueCsv();
    const asEndedImport = await storedFile(endedBytes, ago(30 * DAY));
    await handle.db.insert(caseImports).values({
      creditorId: w.orgs.creditorA.id,
      fileId: asEndedImport.id,
      fileName: 'cases.csv',
      status: 'succeeded',
      createdBy: w.users['creditorA.manager'].id,
    });
    const sharedWithEndedImport = await finishedExport(endedBytes, ago(8 * DAY));
    const uploadBytes = uniqueCsv();
    await storedFile(uploadBytes, ago(HOUR));
    const sharedWithUpload = await finishedExport(uploadBytes, ago(8 * DAY));

    // Past its week an export's file is refused at once, before any sweep; within it, served.
    await expect(openFile(handle.db, manager, expired.fileId, store, now)).rejects.toMatchObject({
      code: 'export.expired',
    });
    await expect(openFile(handle.db, manager, current.fileId, store, now)).resolves.toMatchObject({
      file: { sha256: current.sha256 },
    });
    expect(await getExport(handle.db, manager, expired.exportId, now)).toMatchObject({ isExpired: true, fileId: null });

    // Uploading evidence records rate-limit attempts at the upload's time: those old enough go too.
    const rateEventsDue = (
      await handle.db
        .select({ n: count() })
        .from(rateEvents)
        .where(lt(rateEvents.at, new Date(now.getTime() - RATE_EVENT_MS)))
    )[0]?.n;
    const before = {
      audit: await rowCount(auditLog),
      evidence: await rowCount(complaintEvidence),
      files: await rowCount(storedFiles),
    };

    const counts = await sweepRetention(handle.db, now, store);

    expect(counts).toEqual({
      doneJobs: 1,
      failedJobs: 1,
      rateEvents: rateEventsDue,
      signInAttempts: 1,
      apiRateWindows: 1,
      idempotencyKeys: 1,
      complaintUploads: 2,
      exports: 4,
      files: 4,
      blobs: 3,
      tempFiles: 0,
    });
    const ratesLeft = (await handle.db.select({ id: rateEvents.id }).from(rateEvents)).map((r) => r.id);
    expect(ratesLeft).toContain(youngRate?.id);
    expect(ratesLeft).not.toContain(oldRate?.id);
    const ids = <T>(rows: { id: T }[]) => rows.map((r) => r.id);
    expect(
      ids(await handle.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.kind, 'test.retention'))).sort(
        (a, b) => a - b,
      ),
    ).toEqual([youngDone?.id, youngFailed?.id, waiting?.id, running?.id].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(
      ids(
        await handle.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(inArray(jobs.id, [oldDone?.id ?? 0, oldFailed?.id ?? 0])),
      ),
    ).toEqual([]);
    expect((await handle.db.select().from(apiRateWindows)).map((r) => r.windowStart)).toEqual([ago(10 * 60_000)]);
    expect((await handle.db.select().from(apiIdempotency)).map((r) => r.key)).toEqual(['young']);
    const signInsLeft = ids(await handle.db.select({ id: signInAttempts.id }).from(signInAttempts));
    expect(signInsLeft).toContain(youngSignIn?.id);
    expect(signInsLeft).not.toContain(oldSignIn?.id);

    const uploadsLeft = (await handle.db.select({ id: complaintUploads.id }).from(complaintUploads)).map((u) => u.id);
    expect(uploadsLeft).toEqual(expect.arrayContaining([filed.id, young.id]));
    expect(uploadsLeft).not.toContain(unfiled.id);
    expect(uploadsLeft).not.toContain(copyOfFiled.id);
    expect(await store.has(unfiled.sha256)).toBe(false);
    expect(await store.has(filed.sha256)).toBe(true);
    expect(await store.has(young.sha256)).toBe(true);

    const exportFile = async (id: string) =>
      (await handle.db.select({ fileId: listExports.fileId }).from(listExports).where(eq(listExports.id, id)))[0]
        ?.fileId;
    expect(await exportFile(expired.exportId)).toBeNull();
    expect(await exportFile(sharedWithImport.exportId)).toBeNull();
    expect(await exportFile(sharedWithUpload.exportId)).toBeNull();
    expect(await exportFile(sharedWithEndedImport.exportId)).toBeNull();
    expect(await exportFile(current.exportId)).toBe(current.fileId);
    expect(await store.has(expired.sha256)).toBe(false);
    expect(await store.has(current.sha256)).toBe(true);
    expect(await store.has(asImport.sha256)).toBe(true);
    expect(await store.has(asEndedImport.sha256)).toBe(false);
    expect(await store.has(sharedWithUpload.sha256)).toBe(true);
    expect(await getExport(handle.db, manager, expired.exportId, now)).toMatchObject({
      status: 'succeeded',
      isExpired: true,
      fileId: null,
    });
    expect(await getExport(handle.db, manager, current.exportId, now)).toMatchObject({
      isExpired: false,
      fileId: current.fileId,
    });

    // Records stay whole: the audit log only grew by the sweep's row, evidence is all there;
    // the files that went are the four expired exports' (the records of the imports stay).
    expect({
      audit: await rowCount(auditLog),
      evidence: await rowCount(complaintEvidence),
      files: await rowCount(storedFiles),
    }).toEqual({ ...before, audit: before.audit + 1, files: before.files - 4 });
    const fileIds = [expired, sharedWithImport, sharedWithUpload, sharedWithEndedImport, current]
      .map((e) => e.fileId)
      .concat(asImport.id, asEndedImport.id);
    expect(
      ids(
        await handle.db.select({ id: storedFiles.id }).from(storedFiles).where(inArray(storedFiles.id, fileIds)),
      ).sort(),
    ).toEqual([current.fileId, asImport.id, asEndedImport.id].sort());
    const [row] = await sweeps();
    expect(row).toMatchObject({
      action: 'retention.swept',
      resourceType: 'retention',
      actorUserId: null,
      after: counts,
    });

    // Again: nothing left to remove, no second audit row.
    const again = await sweepRetention(handle.db, now, store);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await sweeps()).toHaveLength(1);
    expect(await rowCount(auditLog)).toBe(before.audit + 1);

    // The file of the running import is still served: the expired export sharing its bytes is no reason to refuse it.
    await expect(openFile(handle.db, manager, asImport.id, store, now)).resolves.toMatchObject({
      file: { sha256: asImport.sha256 },
    });
    await expect(openFile(handle.db, manager, asEndedImport.id, store, now)).rejects.toMatchObject({
      code: 'file.notFound',
    });
  });

  it('works through a backlog larger than one batch, and audits it as one count', async () => {
    const now = new Date();
    const at = new Date(now.getTime() - RATE_EVENT_MS - HOUR);
    const backlog = Array.from({ length: BATCH_SIZE * 2 + 500 }, () => ({ key: `test:backlog:${randomUUID()}`, at }));
    await handle.db.insert(rateEvents).values(backlog);
    expect(await sweepRetention(handle.db, now, store)).toMatchObject({
      rateEvents: backlog.length,
      doneJobs: 0,
      exports: 0,
    });
    const rows = await sweeps();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.after)).toContainEqual(expect.objectContaining({ rateEvents: backlog.length }));
  });
});

describe('uploads and the sweep', () => {
  it('refuses to attach an upload nothing took within a day; one a record holds can be attached again', async () => {
    const manager = await domainCaller(w, 'creditorA.manager');
    const file = await uploadFile(handle.db, manager, bytesStream(uniquePdf()), store);
    const later = (ms: number) => new Date(Date.now() + ms);
    await expect(ownFile(handle.db, manager, file.id, 'receiptFileId', later(23 * HOUR))).resolves.toMatchObject({
      id: file.id,
    });
    await expect(ownFile(handle.db, manager, file.id, 'receiptFileId', later(25 * HOUR))).rejects.toMatchObject({
      code: 'file.expired',
      details: { field: 'receiptFileId' },
    });
    const applicant = await domainCaller(w, 'creditorNew.admin');
    await expect(ownFile(handle.db, applicant, w.licence.fileId, 'fileId', later(30 * DAY))).resolves.toMatchObject({
      id: w.licence.fileId,
    });
  });

  it('stores again the bytes of an upload the sweep removed a moment before', async () => {
    const now = new Date();
    const bytes = uniquePdf();
    const old = await storedFile(bytes, new Date(now.getTime() - 2 * DAY));
    await sweepRetention(handle.db, now, store);
    expect(await store.has(old.sha256)).toBe(false);
    const again = await uploadFile(handle.db, await domainCaller(w, 'creditorA.manager'), bytesStream(bytes), store);
    expect(again.sha256).toBe(old.sha256);
    expect(await store.has(again.sha256)).toBe(true);
    const evidence = await uploadComplaintEvidence(handle.db, someAddress(), bytesStream(bytes), store);
    expect(evidence.sha256).toBe(old.sha256);
  });
});

describe('a dispute’s document', () => {
  it('stays with its bytes past the upload window, while an unfiled upload of the same day goes', async () => {
    const now = new Date();
    const { row } = await workingCases(w, 2);
    if (!row) throw new Error('no case');
    const kept = await uploadAt(uniquePdf(), new Date(now.getTime() - 2 * DAY + HOUR));
    const unfiled = await uploadAt(uniquePdf(), new Date(now.getTime() - 2 * DAY + HOUR));
    const { token } = await verifiedDebtor(w, row);
    const debtor = await callerAs(handle.db, null, 'zh-CN', { token });
    // Attached within its day (the dispute's transaction claims it), then swept a day later.
    await disputeAsDebtor(
      handle.db,
      someAddress(),
      { sessionId: '', caseId: row.id, expiresAt: now },
      { reason: '这笔借款金额与我的记录不符，附上还款凭证。', document: { uploadId: kept.id, fileName: '凭证.pdf' } },
      new Date(now.getTime() - 2 * DAY + 2 * HOUR),
    );
    expect((await debtor.debtor.overview()).hold).toMatchObject({ kind: 'dispute', origin: 'debtor' });
    await sweepRetention(handle.db, now, store);
    const left = await handle.db.select({ id: complaintUploads.id }).from(complaintUploads);
    expect(left.map((u) => u.id)).toContain(kept.id);
    expect(left.map((u) => u.id)).not.toContain(unfiled.id);
    expect(await store.has(kept.sha256)).toBe(true);
    expect(await store.has(unfiled.sha256)).toBe(false);
  });
});

describe('uploads nobody attached', () => {
  it('are removed with their bytes after a day, unless young or held; the database refuses deleting a young file', async () => {
    const now = new Date();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const refused = (code: string) => ({ cause: expect.objectContaining({ code }) });

    const unattached = await storedFile(uniquePdf(), ago(2 * DAY));
    const young = await storedFile(uniquePdf(), ago(2 * HOUR));
    // An old upload never attached whose bytes a young upload also names: the row goes, the bytes stay.
    const sharedBytes = uniquePdf();
    const oldCopy = await storedFile(sharedBytes, ago(2 * DAY));
    const youngCopy = await storedFile(sharedBytes, ago(HOUR));
    // Held by records: an import's file and its report, a repayment's receipt.
    const imported = await storedFile(uniqueCsv(), ago(3 * DAY));
    const report = await storedFile(uniqueCsv(), ago(3 * DAY));
    const receipt = await storedFile(uniquePdf(), ago(3 * DAY));
    await handle.db.insert(caseImports).values({
      creditorId: w.orgs.creditorA.id,
      fileId: imported.id,
      reportFileId: report.id,
      fileName: 'cases.csv',
      status: 'failed',
      createdBy: w.users['creditorA.manager'].id,
    });
    const { caseId } = await workingCases(w, 1);
    await handle.db.insert(repayments).values({
      caseId,
      creditorId: w.orgs.creditorA.id,
      agencyId: w.orgs.agencyA.id,
      source: 'agency',
      amount: 10_000,
      paidOn: '2026-01-05',
      channel: 'bank_transfer',
      payer: '本人',
      receiptFileId: receipt.id,
      status: 'reported',
      reportedBy: w.users['agencyA.collector'].id,
    });

    // The database itself: a young file is never deleted, a held one is kept by its foreign key, none is changed (TRUNCATE stays refused too).
    await expect(handle.db.execute(sql`delete from stored_files where id = ${young.id}`)).rejects.toMatchObject(
      refused('42501'),
    );
    await expect(handle.db.execute(sql`delete from stored_files where id = ${receipt.id}`)).rejects.toMatchObject(
      refused('23503'),
    );
    await expect(
      handle.db.execute(sql`update stored_files set size = 1 where id = ${unattached.id}`),
    ).rejects.toMatchObject(refused('42501'));

    const sweptBefore = (await sweeps()).length;
    const counts = await sweepRetention(handle.db, now, store);

    expect(counts).toMatchObject({ files: 2, blobs: 1, exports: 0, complaintUploads: 0 });
    const left = (
      await handle.db
        .select({ id: storedFiles.id })
        .from(storedFiles)
        .where(
          inArray(storedFiles.id, [
            unattached.id,
            young.id,
            oldCopy.id,
            youngCopy.id,
            imported.id,
            report.id,
            receipt.id,
          ]),
        )
    ).map((f) => f.id);
    expect(left.sort()).toEqual([young.id, youngCopy.id, imported.id, report.id, receipt.id].sort());
    expect(await store.has(unattached.sha256)).toBe(false);
    expect(await store.has(oldCopy.sha256)).toBe(true);
    for (const kept of [young, imported, report, receipt]) expect(await store.has(kept.sha256)).toBe(true);
    const rows = await sweeps();
    expect(rows).toHaveLength(sweptBefore + 1);
    expect(rows.map((r) => r.after)).toContainEqual(counts);

    // Again: nothing left to remove, no audit row.
    const again = await sweepRetention(handle.db, now, store);
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await sweeps()).toHaveLength(sweptBefore + 1);
  });

  it('works through more unattached files than one batch, held ones among them', async () => {
    const at = new Date(Date.now() - 3 * DAY);
    const org = {
      orgId: w.orgs.creditorA.id,
      uploadedBy: w.users['creditorA.manager'].id,
      size: 1,
      mime: 'application/pdf',
    };
    const rows = Array.from({ length: 250 }, (_, i) => ({
      ...org,
      sha256: randomUUID().replaceAll('-', '').padEnd(64, '0'),
      createdAt: new Date(at.getTime() + i),
    }));
    const files = await handle.db.insert(storedFiles).values(rows).returning({ id: storedFiles.id });
    const held = files.filter((_, i) => i % 50 === 0);
    await handle.db.insert(caseImports).values(
      held.map((f) => ({
        creditorId: w.orgs.creditorA.id,
        fileId: f.id,
        fileName: 'cases.csv',
        status: 'failed' as const,
        createdBy: w.users['creditorA.manager'].id,
      })),
    );

    expect(await sweepRetention(handle.db, new Date(), store)).toMatchObject({ files: files.length - held.length });
    const left = await handle.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(
        inArray(
          storedFiles.id,
          files.map((f) => f.id),
        ),
      );
    expect(left.map((f) => f.id).sort()).toEqual(held.map((f) => f.id).sort());
  });
});
