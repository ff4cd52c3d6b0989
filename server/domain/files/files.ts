import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { FileType } from '@/db/enums';
import { admissionDocuments, cases, listExports, storedFiles, visitEvidence, type StoredFile } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { ingest } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { isExportExpired } from '../exports/window';
import { holdBlob, isFileHeld } from './blobs';

/**
 * How long an upload waits to be attached to something (a document, evidence, a receipt,
 * an import). A file nothing holds is refused after it, so the retention sweep may remove
 * it and its bytes without a record ever pointing at them later.
 */
export const ATTACH_WINDOW_MS = 24 * 60 * 60_000;

export type FileView = Pick<StoredFile, 'id' | 'sha256' | 'size' | 'mime' | 'createdAt'>;

const view = (f: StoredFile): FileView => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, createdAt: f.createdAt });

/**
 * Streams an upload into the store and records it for the caller's organization. The
 * bytes are checked (type, size) before anything is written to the database.
 */
export const uploadFile = async (db: DbOrTx, caller: Caller, body: ReadableStream<Uint8Array>, store: BlobStore): Promise<FileView> => {
  const stored = await ingest(body, store);
  return db.transaction(async (tx) => {
    await holdBlob(tx, store, stored.sha256);
    const [file] = await tx
      .insert(storedFiles)
      .values({ orgId: caller.actor.orgId, uploadedBy: caller.actor.userId, ...stored })
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
export const ownFile = async (db: DbOrTx, caller: Caller, fileId: string, field = 'fileId', now = new Date()): Promise<StoredFile> => {
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.orgId, caller.actor.orgId)));
  if (!file) throw new DomainError('file.notFound', { field });
  if (file.createdAt.getTime() < now.getTime() - ATTACH_WINDOW_MS && !(await isFileHeld(db, file.id))) throw new DomainError('file.expired', { field });
  return file;
};

/** Whether the file is a document of an admission application (a licence, a certificate). */
const isAdmissionDocument = async (db: DbOrTx, fileId: string) =>
  (await db.select({ id: admissionDocuments.id }).from(admissionDocuments).where(eq(admissionDocuments.fileId, fileId)).limit(1)).length > 0;

/**
 * Who may read a file: its own organization (its admission documents: its admins only);
 * platform reviewers, for documents attached to an admission application; the creditor of
 * the case and platform auditors and complaint handlers, for a visit's evidence. Anyone
 * else gets NOT_FOUND, as if it did not exist. Reads across organizations are audited.
 */
const mayRead = async (db: DbOrTx, caller: Caller, file: StoredFile): Promise<'own' | 'review' | 'evidence' | null> => {
  if (file.orgId === caller.actor.orgId) {
    if (!hasPermission(caller.actor, 'admission.read') && (await isAdmissionDocument(db, file.id))) return null;
    return 'own';
  }
  if (caller.actor.orgType === 'platform' && hasPermission(caller.actor, 'admission.review')) {
    if (await isAdmissionDocument(db, file.id)) return 'review';
  }
  if (hasPermission(caller.actor, 'cases.record') && (caller.actor.orgType === 'platform' || caller.actor.orgType === 'creditor')) {
    const [evidence] = await db
      .select({ id: visitEvidence.id })
      .from(visitEvidence)
      .innerJoin(cases, eq(cases.id, visitEvidence.caseId))
      .where(and(eq(visitEvidence.fileId, file.id), caller.actor.orgType === 'creditor' ? eq(cases.creditorId, caller.actor.orgId) : undefined))
      .limit(1);
    if (evidence) return 'evidence';
  }
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

const EXPORT_FILE_TYPES: readonly FileType[] = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/**
 * An export's file is downloaded within its window (EXPORT_DOWNLOAD_MS, a week); past it the file
 * is refused, unless something else holds it too, and the retention sweep removes it.
 */
const refuseExpiredExport = async (db: DbOrTx, file: StoredFile, now: Date) => {
  // Exports are spreadsheets: photos, recordings and documents are served without looking.
  if (!EXPORT_FILE_TYPES.includes(file.mime as FileType)) return;
  const [held] = await db.select({ finishedAt: listExports.finishedAt }).from(listExports).where(eq(listExports.fileId, file.id)).limit(1);
  if (!held || !isExportExpired(held.finishedAt, now)) return;
  if (!(await isFileHeld(db, file.id, listExports))) throw new DomainError('export.expired');
};

/** Opens a file the caller may read, its hash checked against the record (reads across organizations audited). */
export const openFile = async (db: DbOrTx, caller: Caller, fileId: string, store: BlobStore, now = new Date()) => {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  const access = file ? await mayRead(db, caller, file) : null;
  if (!file || !access) throw new DomainError('file.notFound');
  await refuseExpiredExport(db, file, now);
  const stream = await verifiedStream(file, store);
  if (access !== 'own') {
    await writeAudit(db, caller, { action: 'file.read', resourceType: 'file', resourceId: file.id, orgId: file.orgId, after: { access } });
  }
  return { file: view(file), stream };
};

/**
 * The stored bytes of a record, checked against its hash: a small file (photos, documents,
 * most recordings) is refused whole when its bytes changed; a large one (video) is checked
 * while it streams and the stream fails at its end.
 */
export const verifiedStream = async (file: { id: string; sha256: string; size: number }, store: BlobStore): Promise<ReadableStream<Uint8Array>> => {
  const bytes = await store.get(file.sha256);
  if (!bytes) throw new DomainError('file.notFound');
  const tampered = () => console.error(`integrity check failed for file ${file.id}`);
  if (file.size <= VERIFY_BEFORE_SERVING_BYTES) {
    const whole = new Uint8Array(await new Response(bytes).arrayBuffer());
    if (createHash('sha256').update(whole).digest('hex') !== file.sha256) {
      tampered();
      throw new DomainError('file.integrity');
    }
    return new Blob([whole]).stream();
  }
  return bytes.pipeThrough(verifying(file.sha256, tampered));
};
