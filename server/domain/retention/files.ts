import { and, eq, inArray, isNotNull, lt, notExists } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { complaintEvidence, complaintUploads, listExports, storedFiles } from '@/db/schema';
import type { BlobStore } from '../../storage/store';
import { lockBlob, neededBlobs } from '../files/blobs';
import { inBatches } from './records';
import { cutoff, EXPORT_FILE_MS, UNATTACHED_UPLOAD_MS } from './windows';

// Files nobody needs any more: complaint uploads never filed, and exports past their
// download window. Bytes are shared by every row naming the same SHA-256, so they go only
// when no row needs them (neededBlobs). Filed evidence, and any file a record points at,
// are never touched.

/** Files handled in one transaction (each may mean a call to the object store). */
const FILE_BATCH = 100;

/**
 * Removes the bytes of each hash no row needs any more, under the hash's lock and inside
 * the transaction that dropped the rows naming it: an upload of the same bytes waits for
 * it (holdBlob), then finds them gone and is asked again. Should the transaction fail
 * after the removal, the rows stay behind, past their window and unusable, and the next
 * run finishes them; removing after the commit instead could leave bytes no row names.
 */
const removeUnneededBlobs = async (tx: DbOrTx, store: BlobStore, hashes: readonly string[], now: Date): Promise<number> => {
  // One order for every sweeper, so two of them never wait on each other's locks.
  const unique = [...new Set(hashes)].sort();
  for (const sha256 of unique) await lockBlob(tx, sha256);
  const needed = await neededBlobs(tx, unique, cutoff(now, UNATTACHED_UPLOAD_MS));
  const unneeded = unique.filter((sha256) => !needed.has(sha256));
  for (const sha256 of unneeded) await store.remove(sha256);
  return unneeded.length;
};

/**
 * Complaint uploads never filed with a complaint within their window. An upload filed as
 * evidence is held by complaint_evidence (append-only, kept for good) and never swept.
 */
export const sweepComplaintUploads = async (db: Db, store: BlobStore, now: Date) => {
  const counts = { complaintUploads: 0, blobs: 0 };
  const before = cutoff(now, UNATTACHED_UPLOAD_MS);
  await inBatches(db, FILE_BATCH, async (tx) => {
    // Locked and skipped when locked: a filing claiming one of them (it locks them first) is left alone.
    const due = await tx
      .select({ id: complaintUploads.id, sha256: complaintUploads.sha256 })
      .from(complaintUploads)
      .where(and(lt(complaintUploads.createdAt, before), notExists(tx.select({ id: complaintEvidence.id }).from(complaintEvidence).where(eq(complaintEvidence.uploadId, complaintUploads.id)))))
      .limit(FILE_BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    await tx.delete(complaintUploads).where(inArray(complaintUploads.id, due.map((u) => u.id)));
    counts.complaintUploads += due.length;
    counts.blobs += await removeUnneededBlobs(tx, store, due.map((u) => u.sha256), now);
    return due.length;
  });
  return counts;
};

/**
 * Exports whose download window has passed: the export stays (what was exported, when,
 * by whom) without its file, and the file's bytes go unless something else needs them.
 * The file's stored_files row stays too, as every upload's does; nothing can attach it
 * any more (ownFile refuses an old file nothing holds).
 */
export const expireExports = async (db: Db, store: BlobStore, now: Date) => {
  const counts = { exports: 0, blobs: 0 };
  const before = cutoff(now, EXPORT_FILE_MS);
  await inBatches(db, FILE_BATCH, async (tx) => {
    const due = await tx
      .select({ id: listExports.id, sha256: storedFiles.sha256 })
      .from(listExports)
      .innerJoin(storedFiles, eq(storedFiles.id, listExports.fileId))
      .where(and(eq(listExports.status, 'succeeded'), isNotNull(listExports.fileId), lt(listExports.finishedAt, before)))
      .limit(FILE_BATCH)
      .for('update', { of: listExports, skipLocked: true });
    if (due.length === 0) return 0;
    await tx.update(listExports).set({ fileId: null, updatedAt: now }).where(inArray(listExports.id, due.map((e) => e.id)));
    counts.exports += due.length;
    counts.blobs += await removeUnneededBlobs(tx, store, due.map((e) => e.sha256), now);
    return due.length;
  });
  return counts;
};
