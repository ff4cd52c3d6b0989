import { and, asc, eq, inArray, isNotNull, lt, notExists, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { caseHolds, complaintEvidence, complaintUploads, listExports, storedFiles } from '@/db/schema';
import type { BlobStore } from '../../storage/store';
import { FILE_HOLDERS, lockBlobs, neededBlobs } from '../files/blobs';
import { inBatches } from '../shared/batches';
import { cutoff, EXPORT_FILE_MS, FILE_DELETE_GUARD_MS, UNATTACHED_UPLOAD_MS } from './windows';

// Files nobody needs any more: complaint uploads never filed, exports past their download
// window, and uploads nothing took. Bytes are shared by every row naming the same SHA-256,
// so they go only when no row needs them (neededBlobs). Filed evidence, and any file a
// record points at, are never touched.

/** Files handled in one transaction (each may mean a call to the object store). */
const FILE_BATCH = 100;

/**
 * Removes the bytes of each hash no row needs any more, under the hash's lock and inside
 * the transaction that dropped the rows naming it: an upload of the same bytes waits for
 * it (keepStaged), then records its row and stores the bytes again. Should the transaction fail
 * after the removal, the rows stay behind, past their window and unusable, and the next
 * run finishes them; removing after the commit instead could leave bytes no row names.
 */
const removeUnneededBlobs = async (tx: Tx, store: BlobStore, hashes: readonly string[], now: Date): Promise<number> => {
  // One order for every sweeper, so two of them never wait on each other's locks.
  const unique = [...new Set(hashes)].sort();
  await lockBlobs(tx, unique);
  const needed = await neededBlobs(tx, unique, cutoff(now, UNATTACHED_UPLOAD_MS));
  const unneeded = unique.filter((sha256) => !needed.has(sha256));
  for (const sha256 of unneeded) await store.remove(sha256);
  return unneeded.length;
};

/**
 * Public uploads never filed within their window. An upload filed as a complaint's
 * evidence (complaint_evidence, append-only, kept for good) or a dispute's document (the
 * debtor's hold) is never swept.
 */
export const sweepComplaintUploads = async (db: Db, store: BlobStore, now: Date) => {
  const counts = { complaintUploads: 0, blobs: 0 };
  const before = cutoff(now, UNATTACHED_UPLOAD_MS);
  await inBatches(db, FILE_BATCH, async (tx) => {
    // Locked and skipped when locked: a filing claiming one of them (it locks them first) is left alone.
    const due = await tx
      .select({ id: complaintUploads.id, sha256: complaintUploads.sha256 })
      .from(complaintUploads)
      .where(
        and(
          lt(complaintUploads.createdAt, before),
          notExists(
            tx
              .select({ id: complaintEvidence.id })
              .from(complaintEvidence)
              .where(eq(complaintEvidence.uploadId, complaintUploads.id)),
          ),
          notExists(
            tx.select({ id: caseHolds.id }).from(caseHolds).where(eq(caseHolds.documentUploadId, complaintUploads.id)),
          ),
        ),
      )
      .limit(FILE_BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    await tx.delete(complaintUploads).where(
      inArray(
        complaintUploads.id,
        due.map((u) => u.id),
      ),
    );
    counts.complaintUploads += due.length;
    counts.blobs += await removeUnneededBlobs(
      tx,
      store,
      due.map((u) => u.sha256),
      now,
    );
    return due.length;
  });
  return counts;
};

/**
 * Exports whose download window has passed: the export stays (what was exported, when,
 * by whom) without its file. The file, held by nothing now and a week old, is removed
 * with its bytes by sweepUnattachedFiles, run after this.
 */
export const expireExports = async (db: Db, now: Date) => {
  const before = cutoff(now, EXPORT_FILE_MS);
  const exports = await inBatches(db, FILE_BATCH, async (tx) => {
    const due = await tx
      .select({ id: listExports.id })
      .from(listExports)
      .where(
        and(eq(listExports.status, 'succeeded'), isNotNull(listExports.fileId), lt(listExports.finishedAt, before)),
      )
      .limit(FILE_BATCH)
      .for('update', { skipLocked: true });
    if (due.length === 0) return 0;
    await tx
      .update(listExports)
      .set({ fileId: null, updatedAt: now })
      .where(
        inArray(
          listExports.id,
          due.map((e) => e.id),
        ),
      );
    return due.length;
  });
  return { exports };
};

/**
 * Stored files nothing points at, uploaded longer ago than UNATTACHED_UPLOAD_MS: an upload
 * never attached (attaching is refused after a day), an expired export's file. A file a
 * record points at (evidence, a receipt, a document, an import or its report, an export
 * within its week) is held by every foreign key to stored_files, read from the schema, and
 * the database refuses its deletion anyway. Complaint evidence is not a stored file: it
 * names its bytes by hash, and neededBlobs keeps them.
 *
 * Walked by upload time, so each batch starts where the last ended and held files are read
 * once a run. Rows an attaching transaction holds (its foreign-key check locks them) are
 * skipped. The database's own clock is checked too, as its trigger refuses deleting a file
 * younger than FILE_DELETE_GUARD_MS: an instance whose clock runs ahead skips such a file
 * rather than failing its batch.
 */
export const sweepUnattachedFiles = async (db: Db, store: BlobStore, now: Date) => {
  const counts = { files: 0, blobs: 0 };
  const before = cutoff(now, UNATTACHED_UPLOAD_MS);
  // One NOT EXISTS per holder, so the database can read each as an anti-join on its index.
  const isUnheld = FILE_HOLDERS.map(({ table, column }) =>
    notExists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(eq(column, storedFiles.id)),
    ),
  );
  let after: { createdAt: Date; id: string } | null = null;
  await inBatches(db, FILE_BATCH, async (tx) => {
    const past = after;
    const due = await tx
      .select({ id: storedFiles.id, sha256: storedFiles.sha256, createdAt: storedFiles.createdAt })
      .from(storedFiles)
      .where(
        and(
          lt(storedFiles.createdAt, before),
          sql`${storedFiles.createdAt} <= now() - ${FILE_DELETE_GUARD_MS} * interval '1 millisecond'`,
          past
            ? sql`(${storedFiles.createdAt}, ${storedFiles.id}) > (${past.createdAt.toISOString()}::timestamptz, ${past.id}::uuid)`
            : undefined,
          ...isUnheld,
        ),
      )
      .orderBy(asc(storedFiles.createdAt), asc(storedFiles.id))
      .limit(FILE_BATCH)
      .for('update', { skipLocked: true });
    const last = due.at(-1);
    if (!last) return 0;
    after = { createdAt: last.createdAt, id: last.id };
    await tx.delete(storedFiles).where(
      inArray(
        storedFiles.id,
        due.map((f) => f.id),
      ),
    );
    counts.files += due.length;
    counts.blobs += await removeUnneededBlobs(
      tx,
      store,
      due.map((f) => f.sha256),
      now,
    );
    return due.length;
  });
  return counts;
};
