import { and, eq, gt, inArray, is, not, or, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import * as schema from '@/db/schema';
import { caseImports, complaintUploads, storedFiles } from '@/db/schema';
import { discardStaged, type Staged } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';

// Stored bytes are addressed by their SHA-256 and shared by every row naming the same
// bytes (stored_files, complaint_uploads). They may be removed only when no row needs them
// any more: no record holds any of their stored_files rows (an import that ended no longer
// needs its file: its bytes go when it ends), no such row is young enough to be attached
// still, and no complaint upload names them.

export type Holder = { table: PgTable; column: PgColumn };

/**
 * Every column holding a foreign key to `target`, read from the schema: a table added
 * later that points at a file holds it without a change here.
 */
export const referencesTo = (target: PgTable): readonly Holder[] =>
  (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .flatMap((table) =>
      getTableConfig(table).foreignKeys.flatMap((fk) => {
        const ref = fk.reference();
        return ref.foreignTable === target ? ref.columns.map((column) => ({ table, column })) : [];
      }),
    );

/** The rows that can hold a stored file: an import, its report, evidence, a receipt, a document, an export… */
export const FILE_HOLDERS = referencesTo(storedFiles);

/** True when a row of `holders` (all but those of `except`, a table or one column) points at the file whose id is `fileId`. */
export const isHeldSql = (fileId: SQL | PgColumn, except?: PgTable | PgColumn): SQL => {
  const holders = FILE_HOLDERS.filter((h) => h.table !== except && h.column !== except);
  if (holders.length === 0) return sql`false`;
  // Parenthesised, so it can be negated or combined with other conditions.
  const anyHolder = sql.join(
    holders.map(({ table, column }) => sql`exists (select 1 from ${table} where ${column} = ${fileId})`),
    sql` or `,
  );
  return sql`(${anyHolder})`;
};

/** Whether any row points at the stored file (optionally leaving one kind of holder out). */
export const isFileHeld = async (db: DbOrTx, fileId: string, except?: PgTable): Promise<boolean> => {
  const [row] = await db
    .select({ isHeld: sql<boolean>`${isHeldSql(sql`${fileId}::uuid`, except)}` })
    .from(sql`(select 1) as one`);
  return row?.isHeld === true;
};

/**
 * Serialises what keeps and what drops the bytes of one hash: a transaction writing a row
 * that names them, and the retention sweep removing them, never overlap.
 */
export const lockBlob = async (tx: Tx, sha256: string): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`blob:${sha256}`}, 0))`);
};

/** Locks several hashes in one order (sorted), as every sweeper does, so that two holders never wait on each other. */
export const lockBlobs = async (tx: Tx, hashes: readonly string[]): Promise<void> => {
  for (const sha256 of [...new Set(hashes)].sort()) await lockBlob(tx, sha256);
};

/**
 * Records an accepted upload, then moves its bytes from the temporary area into the
 * store. The record (with its audit row) commits first, under the hash's lock: a retention
 * sweep of the same bytes either finished before (and the bytes are stored again) or sees
 * the new record and keeps them. A record that fails leaves nothing in the store. Should
 * the process die, or the store fail, after the commit, the record has no bytes and was
 * never handed to anyone: past its window the sweep removes it. Either way the temporary
 * file goes. `alsoLock` names hashes `record` removes or keeps (locked in one order with this one).
 */
export const keepStaged = async <T>(
  db: DbOrTx,
  store: BlobStore,
  staged: Staged,
  record: (tx: Tx) => Promise<T>,
  alsoLock: readonly string[] = [],
): Promise<T> => {
  try {
    const result = await db.transaction(async (tx) => {
      await lockBlobs(tx, [staged.sha256, ...alsoLock]);
      return record(tx);
    });
    await store.put(staged.sha256, staged.tempPath, staged.size, staged.mime);
    return result;
  } finally {
    await discardStaged(staged);
  }
};

/** True when the stored file `fileId` is held by an import that has not ended (queued or running). */
const isHeldByOpenImportSql = (fileId: PgColumn): SQL =>
  sql`exists (select 1 from ${caseImports} where ${caseImports.fileId} = ${fileId} and ${caseImports.status} in ('queued', 'running'))`;

/**
 * Which of `hashes` still have their bytes needed: a complaint upload names them (filed as
 * evidence, or young enough to be filed), or one of their stored_files rows is held by a
 * record (an import only while it runs: once it ends its file is not read again), or is
 * held by nothing and was uploaded after `youngSince` (it may still be attached). One query
 * for the lot, so each holder table is read once however many hashes are asked about.
 */
export const neededBlobs = async (tx: DbOrTx, hashes: readonly string[], youngSince: Date): Promise<Set<string>> => {
  if (hashes.length === 0) return new Set();
  const named = await tx
    .selectDistinct({ sha256: complaintUploads.sha256 })
    .from(complaintUploads)
    .where(inArray(complaintUploads.sha256, [...hashes]));
  const kept = await tx
    .selectDistinct({ sha256: storedFiles.sha256 })
    .from(storedFiles)
    .where(
      and(
        inArray(storedFiles.sha256, [...hashes]),
        or(
          isHeldSql(storedFiles.id, caseImports.fileId),
          isHeldByOpenImportSql(storedFiles.id),
          and(gt(storedFiles.createdAt, youngSince), not(isHeldSql(storedFiles.id))),
        ),
      ),
    );
  return new Set([...named, ...kept].map((r) => r.sha256));
};

/**
 * Inside the transaction that ends an import (landed, refused or given up), after its
 * status changed: removes the bytes of its file unless something else still needs the
 * same bytes. The file holds the creditor's debtors' ID and phone numbers in clear; once
 * the import ended nothing reads it again (what landed is sealed in the cases, and the
 * report and error rows stay), so it is not kept. Should the transaction fail after the
 * removal, the import runs again, finds its file gone and ends as failed. Answers whether
 * the bytes went.
 */
export const releaseImportFile = async (
  tx: Tx,
  store: BlobStore,
  importId: string,
  youngSince: Date,
): Promise<boolean> => {
  const [file] = await tx
    .select({ sha256: storedFiles.sha256 })
    .from(caseImports)
    .innerJoin(storedFiles, eq(storedFiles.id, caseImports.fileId))
    .where(and(eq(caseImports.id, importId), not(inArray(caseImports.status, ['queued', 'running']))));
  if (!file) return false;
  await lockBlob(tx, file.sha256);
  if ((await neededBlobs(tx, [file.sha256], youngSince)).has(file.sha256)) return false;
  await store.remove(file.sha256);
  return true;
};
