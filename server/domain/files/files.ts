import { createHash } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { resolveRange, type ByteRange, type RangeSpec } from '@/lib/byte-range';
import type { ImportKind } from '@/lib/enums';
import type { FileType } from '@/lib/file-types';
import {
  admissionApplications,
  admissionDocuments,
  callRecordings,
  callRecords,
  caseChanges,
  caseImports,
  cases,
  fieldVisits,
  listExports,
  repayments,
  storedFiles,
  visitEvidence,
  type StoredFile,
} from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission, type Permission } from '../../auth/permissions';
import { writeAudit, writeAuditAlone } from '../../audit/write';
import { DomainError } from '../../errors';
import { stage } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { isExportExpired } from '../exports/window';
import { worksCase } from '../work/case-access';
import { isFileHeld, keepStaged } from './blobs';

/**
 * How long an upload waits to be attached to something (a document, evidence, a receipt,
 * an import). A file nothing holds is refused after it, so the retention sweep may remove
 * it and its bytes without a record ever pointing at them later.
 */
export const ATTACH_WINDOW_MS = 24 * 60 * 60_000;

export type FileView = Pick<StoredFile, 'id' | 'sha256' | 'size' | 'mime' | 'createdAt'>;

/** Who imports a kind of file, and so reads it and its report. */
export const IMPORT_PERMISSION = {
  cases: 'cases.import',
  repayments: 'repayments.decide',
  updates: 'cases.import',
} as const satisfies Record<ImportKind, Permission>;

const view = (f: StoredFile): FileView => ({
  id: f.id,
  sha256: f.sha256,
  size: f.size,
  mime: f.mime,
  createdAt: f.createdAt,
});

/**
 * Streams an upload into the temporary area and, once its type and size are accepted,
 * records it for the caller's organization; only then do its bytes reach the store.
 */
export const uploadFile = async (
  db: DbOrTx,
  caller: Caller,
  body: ReadableStream<Uint8Array>,
  store: BlobStore,
): Promise<FileView> => {
  const staged = await stage(body, store.tempDir);
  return keepStaged(db, store, staged, async (tx) => {
    const [file] = await tx
      .insert(storedFiles)
      .values({
        orgId: caller.actor.orgId,
        uploadedBy: caller.actor.userId,
        sha256: staged.sha256,
        size: staged.size,
        mime: staged.mime,
      })
      .returning();
    if (!file) throw new DomainError('file.notFound');
    await writeAudit(tx, caller, {
      action: 'file.upload',
      resourceType: 'file',
      resourceId: file.id,
      orgId: caller.actor.orgId,
      after: { sha256: file.sha256, size: file.size, mime: file.mime },
    });
    return view(file);
  });
};

/**
 * A file of the caller's own organization (to attach it somewhere), or NOT_FOUND naming the
 * input field. An upload nothing holds is refused once its attach window has passed.
 */
export const ownFile = async (
  db: DbOrTx,
  caller: Caller,
  fileId: string,
  field = 'fileId',
  now = new Date(),
): Promise<StoredFile> => {
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.orgId, caller.actor.orgId)));
  if (!file) throw new DomainError('file.notFound', { field });
  if (file.createdAt.getTime() < now.getTime() - ATTACH_WINDOW_MS && !(await isFileHeld(db, file.id)))
    throw new DomainError('file.expired', { field });
  return file;
};

/** Why a caller may read a file: what the file is for (derived from the records that hold it). */
type Access = 'upload' | 'import' | 'export' | 'document' | 'review' | 'evidence' | 'receipt' | 'recording';

/**
 * Whether the caller may read a case's evidence or receipt: its creditor's users who read
 * case records, the platform's auditors and complaint handlers, and in the agency that
 * left it, whoever works the case now (collectors only their own cases; nobody once it is
 * recalled or the term ended).
 */
const readsCase = async (
  db: DbOrTx,
  caller: Caller,
  c: { caseId: string; creditorId: string; agencyId: string | null },
): Promise<boolean> => {
  const { orgType, orgId } = caller.actor;
  if (orgType === 'platform' || orgType === 'creditor')
    return hasPermission(caller.actor, 'cases.record') && (orgType === 'platform' || c.creditorId === orgId);
  return c.agencyId === orgId && (await worksCase(db, caller, c.caseId));
};

/**
 * Who may read a file follows what it is for, read from the records that hold it:
 * - a creditor's case or repayment file and its import's report: the creditor's admins
 *   and managers (those who import);
 * - an export: the user who asked for it;
 * - an admission document: the applicant's admins, and the platform's reviewers;
 * - a visit's evidence, a finding's evidence, a repayment's receipt: whoever may read the case (readsCase);
 * - a call's recording: whoever may read the case the call was matched to (readsCase: the
 *   agency that made it only while it works the case); a call matched to no case, the
 *   agency's admins and supervisors;
 * - an upload nothing holds yet: its uploader.
 * Anyone else gets null (NOT_FOUND, as if it did not exist), whichever tenant they are
 * in. A file held by a record of another kind is read by nobody here.
 */
const mayRead = async (db: DbOrTx, caller: Caller, file: StoredFile): Promise<Access | null> => {
  const { actor } = caller;
  const imports = await db
    .select({ creditorId: caseImports.creditorId, kind: caseImports.kind })
    .from(caseImports)
    .where(or(eq(caseImports.fileId, file.id), eq(caseImports.reportFileId, file.id)));
  if (
    imports.some(
      (i) =>
        actor.orgType === 'creditor' && i.creditorId === actor.orgId && hasPermission(actor, IMPORT_PERMISSION[i.kind]),
    )
  )
    return 'import';

  const exports = await db
    .select({ userId: listExports.userId })
    .from(listExports)
    .where(eq(listExports.fileId, file.id));
  if (exports.some((e) => e.userId === actor.userId)) return 'export';

  const documents = await db
    .select({ orgId: admissionApplications.orgId })
    .from(admissionDocuments)
    .innerJoin(admissionApplications, eq(admissionApplications.id, admissionDocuments.applicationId))
    .where(eq(admissionDocuments.fileId, file.id));
  if (documents.some((d) => d.orgId === actor.orgId && hasPermission(actor, 'admission.read'))) return 'document';
  if (documents.length > 0 && actor.orgType === 'platform' && hasPermission(actor, 'admission.review')) return 'review';

  const evidence = await db
    .select({ caseId: visitEvidence.caseId, creditorId: cases.creditorId, agencyId: fieldVisits.agencyId })
    .from(visitEvidence)
    .innerJoin(fieldVisits, eq(fieldVisits.id, visitEvidence.visitId))
    .innerJoin(cases, eq(cases.id, visitEvidence.caseId))
    .where(eq(visitEvidence.fileId, file.id));
  for (const e of evidence) if (await readsCase(db, caller, e)) return 'evidence';

  const findings = await db
    .select({ caseId: caseChanges.caseId, creditorId: cases.creditorId, agencyId: cases.agencyId })
    .from(caseChanges)
    .innerJoin(cases, eq(cases.id, caseChanges.caseId))
    .where(eq(caseChanges.evidenceFileId, file.id));
  for (const f of findings) if (await readsCase(db, caller, f)) return 'evidence';

  const receipts = await db
    .select({ caseId: repayments.caseId, creditorId: repayments.creditorId, agencyId: repayments.agencyId })
    .from(repayments)
    .where(eq(repayments.receiptFileId, file.id));
  for (const r of receipts) if (await readsCase(db, caller, r)) return 'receipt';

  const recordings = await db
    .select({ caseId: callRecords.caseId, creditorId: callRecords.creditorId, agencyId: callRecords.agencyId })
    .from(callRecordings)
    .innerJoin(callRecords, eq(callRecords.id, callRecordings.recordId))
    .where(eq(callRecordings.fileId, file.id));
  for (const { caseId, creditorId, agencyId } of recordings) {
    const isRead =
      caseId && creditorId
        ? await readsCase(db, caller, { caseId, creditorId, agencyId })
        : actor.orgType === 'agency' && actor.orgId === agencyId && hasPermission(actor, 'cases.assign');
    if (isRead) return 'recording';
  }

  if (file.uploadedBy === actor.userId && !(await isFileHeld(db, file.id))) return 'upload';
  return null;
};

/** Passes the bytes through and fails the stream at its end if they no longer match the hash. */
const verifying = (expected: string, onMismatch: () => void) => {
  const hash = createHash('sha256');
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      hash.update(chunk);
      controller.enqueue(chunk);
    },
    flush(controller) {
      if (hash.digest('hex') !== expected) {
        onMismatch();
        controller.error(new Error(`stored bytes of ${expected} do not match their hash`));
      }
    },
  });
};

/** Files up to this size are hashed in full before the first byte is served. */
const VERIFY_BEFORE_SERVING_BYTES = 32 * 1024 * 1024;

const EXPORT_FILE_TYPES: readonly FileType[] = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/**
 * An export's file is downloaded within its window (EXPORT_DOWNLOAD_MS, a week); past it the file
 * is refused, unless something else holds it too, and the retention sweep removes it.
 */
const refuseExpiredExport = async (db: DbOrTx, file: StoredFile, now: Date) => {
  // Exports are spreadsheets: photos, recordings and documents are served without looking.
  if (!EXPORT_FILE_TYPES.includes(file.mime as FileType)) return;
  const [held] = await db
    .select({ finishedAt: listExports.finishedAt })
    .from(listExports)
    .where(eq(listExports.fileId, file.id))
    .limit(1);
  if (!held || !isExportExpired(held.finishedAt, now)) return;
  if (!(await isFileHeld(db, file.id, listExports))) throw new DomainError('export.expired');
};

/**
 * The bytes of `range` in a file of `size` bytes (null: the whole file), or a refusal
 * carrying the size when none of them exist (answered 416 with `Content-Range: bytes *\/size`).
 */
export const rangeOf = (spec: RangeSpec | null, size: number): ByteRange | null => {
  if (!spec) return null;
  const range = resolveRange(spec, size);
  if (!range) throw new DomainError('file.rangeNotSatisfiable', { values: { size } });
  return range;
};

/**
 * Opens a file the caller may read (mayRead), its hash checked against the record (reads
 * across organizations audited); `range` asks for part of it (a player seeking).
 */
export const openFile = async (
  db: DbOrTx,
  caller: Caller,
  fileId: string,
  store: BlobStore,
  now = new Date(),
  range: RangeSpec | null = null,
) => {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  const access = file ? await mayRead(db, caller, file) : null;
  if (!file || !access) throw new DomainError('file.notFound');
  await refuseExpiredExport(db, file, now);
  const bytes = rangeOf(range, file.size);
  const stream = await verifiedStream(file, store, bytes);
  if (file.orgId !== caller.actor.orgId) {
    await writeAuditAlone(db, caller, {
      action: 'file.read',
      resourceType: 'file',
      resourceId: file.id,
      orgId: file.orgId,
      after: { access },
    });
  }
  return { file: view(file), stream, range: bytes };
};

/**
 * The stored bytes of a record (or of `range` of them), checked against its hash: a small
 * file (photos, documents, most recordings) is hashed whole before any byte is served and
 * refused when its bytes changed, then the range is cut from it; a large one (video) is
 * checked while it streams and the stream fails at its end. A range of a large file is read
 * from the store as it is: a part cannot be checked against the whole file's hash, and the
 * whole-file download (what evidence is exported and compared with) is still checked.
 */
export const verifiedStream = async (
  file: { id: string; sha256: string; size: number },
  store: BlobStore,
  range: ByteRange | null = null,
): Promise<ReadableStream<Uint8Array>> => {
  const isWholeChecked = file.size <= VERIFY_BEFORE_SERVING_BYTES;
  const bytes = await store.get(file.sha256, isWholeChecked ? undefined : (range ?? undefined));
  if (!bytes) throw new DomainError('file.notFound');
  const tampered = () => console.error(`integrity check failed for file ${file.id}`);
  if (isWholeChecked) {
    const whole = new Uint8Array(await new Response(bytes).arrayBuffer());
    if (createHash('sha256').update(whole).digest('hex') !== file.sha256) {
      tampered();
      throw new DomainError('file.integrity');
    }
    return new Blob([range ? whole.subarray(range.start, range.end + 1) : whole]).stream();
  }
  if (range) return bytes;
  return bytes.pipeThrough(verifying(file.sha256, tampered));
};
