// A refused upload leaves nothing in the file store: bytes wait in a temporary area and
// reach the store only once their type (for the upload's purpose) and size are accepted
// and their record is written. Every way an upload is refused is tried on both upload
// procedures (files.upload, signed in; complaints.uploadEvidence, public), and so is a
// record that fails to commit. Files a crash left in the temporary area go with the
// retention sweep.
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { complaintUploads, rateEvents, storedFiles } from '@/db/schema';
import { pngPhoto } from '@/db/seed/evidence';
import { samplePdf } from '@/db/seed/sample-pdf';
import { UPLOAD_LIMIT, uploadComplaintEvidence } from '../complaints/file';
import { sweepRetention } from '../retention/sweep';
import { bytesStream } from '../../storage/ingest';
import { localStore, type BlobStore } from '../../storage/store';
import { someAddress } from '../../testing/complaints';
import { createTestDb } from '../../testing/db';
import { buildWorld, callerAs, domainCaller, type World } from '../../testing/world';
import { uploadFile } from './files';

const MB = 1024 * 1024;
const DAY = 24 * 60 * 60_000;

let handle: DbHandle;
let w: World;
let root: string;
let store: BlobStore;
const globalStore = globalThis as unknown as { __daylightStore?: BlobStore };
let previousStore: BlobStore | undefined;

beforeAll(async () => {
  // A store of this file's own, used by the procedures too: the shared test store holds other files' bytes.
  root = await mkdtemp(path.join(tmpdir(), 'daylight-uploads-'));
  store = localStore(root);
  previousStore = globalStore.__daylightStore;
  globalStore.__daylightStore = store;
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  globalStore.__daylightStore = previousStore;
  await handle.close();
  await rm(root, { recursive: true, force: true });
});

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
};
/** Files in the store itself (the temporary area aside). */
const stored = async () => (await filesUnder(root)).filter((p) => !p.startsWith('.incoming'));
/** Files waiting in the temporary area. */
const waiting = () => filesUnder(store.tempDir);
const rows = async () => ({
  files: (await handle.db.select({ n: count() }).from(storedFiles))[0]?.n ?? 0,
  uploads: (await handle.db.select({ n: count() }).from(complaintUploads))[0]?.n ?? 0,
});

/** Expects `refused` to fail with `code` and to leave the store, the temporary area and the records as they were. */
const leavesNothing = async (refused: () => Promise<unknown>, code: string) => {
  const before = { store: await stored(), rows: await rows() };
  await expect(refused()).rejects.toMatchObject({ code });
  expect(await stored()).toEqual(before.store);
  expect(await waiting()).toEqual([]);
  expect(await rows()).toEqual(before.rows);
};

const text = (bytes: number) =>
  new Blob([
    new TextEncoder().encode('合同编号,借款人姓名,身份证号\r\n'.padEnd(64, ' ')),
    new Uint8Array(bytes).fill(0x41),
  ]);
/** A zip package, as an XLSX workbook starts. */
const xlsx = () => new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array(10_000).fill(0x20)]);
const executable = () => new Blob([new TextEncoder().encode('MZ\x90\x00'), new Uint8Array(100_000)]);
const bigPdf = () => new Blob([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(21 * MB)]);
const uniquePdf = () => samplePdf([`upload ${Math.random()}`]);

/**
 * The database as it is, except that from the `after`+1-th transaction on each one fails at
 * its commit, after its work ran (a connection lost at the worst moment).
 */
const commitFailsAfter = (db: Db, after: number): Db => {
  let started = 0;
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
      return (fn: (tx: unknown) => Promise<unknown>) => {
        started += 1;
        if (started <= after) return target.transaction(fn as never);
        return target.transaction(async (tx) => {
          await fn(tx);
          throw Object.assign(new Error('connection lost at commit'), { code: '08006' });
        });
      };
    },
  });
};

describe('the public complaint upload', () => {
  it('refuses a 5 MB text body (a spreadsheet is no evidence) and stores nothing', async () => {
    const anonymous = await callerAs(handle.db, null);
    await leavesNothing(() => anonymous.complaints.uploadEvidence(text(5 * MB)), 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a workbook, an executable, a PDF over 20 MB and an empty body, and stores nothing', async () => {
    const anonymous = await callerAs(handle.db, null);
    await leavesNothing(() => anonymous.complaints.uploadEvidence(xlsx()), 'UNSUPPORTED_MEDIA_TYPE');
    await leavesNothing(() => anonymous.complaints.uploadEvidence(executable()), 'UNSUPPORTED_MEDIA_TYPE');
    await leavesNothing(() => anonymous.complaints.uploadEvidence(bigPdf()), 'PAYLOAD_TOO_LARGE');
    await leavesNothing(() => anonymous.complaints.uploadEvidence(new Blob([])), 'BAD_REQUEST');
  });

  it('refuses an upload over the address’s limit before reading it, and stores nothing', async () => {
    const address = someAddress();
    await handle.db
      .insert(rateEvents)
      .values(
        Array.from({ length: UPLOAD_LIMIT.limit }, () => ({ key: `complaint.upload:${address.ip}`, at: new Date() })),
      );
    await leavesNothing(
      () => uploadComplaintEvidence(handle.db, address, bytesStream(uniquePdf()), store),
      'complaint.rateLimited',
    );
  });

  it('stores nothing when the upload cannot be recorded', async () => {
    // The address's attempt is counted in the first transaction; the upload's record fails at its commit.
    await leavesNothing(
      () => uploadComplaintEvidence(commitFailsAfter(handle.db, 1), someAddress(), bytesStream(uniquePdf()), store),
      '08006',
    );
  });

  it('keeps an accepted photo once, with its record, and nothing in the temporary area', async () => {
    const before = await stored();
    const anonymous = await callerAs(handle.db, null);
    const first = await anonymous.complaints.uploadEvidence(new Blob([new Uint8Array(pngPhoto(40, 30, 7))]));
    await anonymous.complaints.uploadEvidence(new Blob([new Uint8Array(pngPhoto(40, 30, 7))]));
    expect((await stored()).length).toBe(before.length + 1);
    expect(await store.has(first.sha256)).toBe(true);
    expect(await waiting()).toEqual([]);
  });
});

describe('signed-in uploads', () => {
  it('refuses an anonymous caller and roles that upload nothing before reading the body, and stores nothing', async () => {
    await leavesNothing(async () => (await callerAs(handle.db, null)).files.upload(uniquePdf()), 'UNAUTHORIZED');
    await leavesNothing(
      async () => (await callerAs(handle.db, w.users['creditorA.viewer'])).files.upload(uniquePdf()),
      'FORBIDDEN',
    );
    await leavesNothing(
      async () => (await callerAs(handle.db, w.users['platform.reviewer'])).files.upload(uniquePdf()),
      'FORBIDDEN',
    );
  });

  it('refuses a file of no accepted type, one over its limit and an empty one, and stores nothing', async () => {
    const manager = await callerAs(handle.db, w.users['creditorA.manager']);
    await leavesNothing(() => manager.files.upload(executable()), 'UNSUPPORTED_MEDIA_TYPE');
    await leavesNothing(() => manager.files.upload(bigPdf()), 'PAYLOAD_TOO_LARGE');
    await leavesNothing(() => manager.files.upload(new Blob([])), 'BAD_REQUEST');
  });

  it('stores nothing when the upload cannot be recorded', async () => {
    const collector = await domainCaller(w, 'agencyA.collector');
    await leavesNothing(
      () => uploadFile(commitFailsAfter(handle.db, 0), collector, bytesStream(uniquePdf()), store),
      '08006',
    );
  });

  it('keeps an accepted file with its record, and nothing in the temporary area', async () => {
    const before = await stored();
    const file = await (await callerAs(handle.db, w.users['agencyA.collector'])).files.upload(uniquePdf());
    expect((await stored()).length).toBe(before.length + 1);
    expect(await store.has(file.sha256)).toBe(true);
    expect(await waiting()).toEqual([]);
  });
});

describe('the temporary area after a crash', () => {
  it('loses files untouched for a day to the retention sweep, keeps those still being written, and counts them in its audit', async () => {
    await mkdir(store.tempDir, { recursive: true });
    const left = path.join(store.tempDir, 'left-by-a-crash');
    const inProgress = path.join(store.tempDir, 'upload-in-progress');
    await writeFile(left, '合同编号,身份证号\r\nHT-1,110105199001011234\r\n');
    await writeFile(inProgress, '%PDF-1.7\n');
    const dayAndAHourAgo = new Date(Date.now() - DAY - 60 * 60_000);
    await utimes(left, dayAndAHourAgo, dayAndAHourAgo);

    const counts = await sweepRetention(handle.db, new Date(), store);
    expect(counts).toMatchObject({ tempFiles: 1 });
    expect(await waiting()).toEqual([path.relative(root, inProgress)]);
    await rm(inProgress);
  });
});
