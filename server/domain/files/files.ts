import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { admissionDocuments, storedFiles, type StoredFile } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { hasPermission } from '../../auth/permissions';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { ingest } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';

export type FileView = Pick<StoredFile, 'id' | 'sha256' | 'size' | 'mime' | 'createdAt'>;

const view = (f: StoredFile): FileView => ({ id: f.id, sha256: f.sha256, size: f.size, mime: f.mime, createdAt: f.createdAt });

/**
 * Streams an upload into the store and records it for the caller's organization. The
 * bytes are checked (type, size) before anything is written to the database.
 */
export const uploadFile = async (db: DbOrTx, caller: Caller, body: ReadableStream<Uint8Array>, store: BlobStore): Promise<FileView> => {
  const stored = await ingest(body, store);
  return db.transaction(async (tx) => {
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

/** A file of the caller's own organization (to attach it somewhere), or NOT_FOUND naming the input field. */
export const ownFile = async (db: DbOrTx, caller: Caller, fileId: string, field = 'fileId'): Promise<StoredFile> => {
  const [file] = await db
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.orgId, caller.actor.orgId)));
  if (!file) throw new DomainError('file.notFound', { field });
  return file;
};

/**
 * Who may read a file: its own organization; platform reviewers, for documents attached
 * to an admission application. Anyone else gets NOT_FOUND, as if it did not exist.
 * Reads across organizations are audited.
 */
const mayRead = async (db: DbOrTx, caller: Caller, file: StoredFile): Promise<'own' | 'review' | null> => {
  if (file.orgId === caller.actor.orgId) return 'own';
  if (caller.actor.orgType === 'platform' && hasPermission(caller.actor, 'admission.review')) {
    const [doc] = await db.select({ id: admissionDocuments.id }).from(admissionDocuments).where(eq(admissionDocuments.fileId, file.id)).limit(1);
    if (doc) return 'review';
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

export const openFile = async (db: DbOrTx, caller: Caller, fileId: string, store: BlobStore) => {
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
  const access = file ? await mayRead(db, caller, file) : null;
  if (!file || !access) throw new DomainError('file.notFound');
  const bytes = await store.get(file.sha256);
  if (!bytes) throw new DomainError('file.notFound');
  if (access !== 'own') {
    await writeAudit(db, caller, { action: 'file.read', resourceType: 'file', resourceId: file.id, orgId: file.orgId, after: { access } });
  }
  const stream = bytes.pipeThrough(verifying(file.sha256, () => console.error(`integrity check failed for file ${file.id}`)));
  return { file: view(file), stream };
};
