import { and, desc, eq } from 'drizzle-orm';
import type { ImportKind } from '@/lib/enums';
import { SPREADSHEET_FILE_TYPES, type FileType } from '@/lib/file-types';
import type { DbOrTx } from '@/db/client';
import { caseImports, type CaseImport } from '@/db/schema';
import type { Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { jobQueue } from '../../jobs/queue';
import { hasPermission } from '../../auth/permissions';
import { IMPORT_PERMISSION, ownFile } from '../files/files';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';

export const IMPORT_JOB = 'case.import';
export const REPAYMENT_IMPORT_JOB = 'repayment.import';
export const UPDATE_IMPORT_JOB = 'case.updateImport';

const JOB_OF = { cases: IMPORT_JOB, repayments: REPAYMENT_IMPORT_JOB, updates: UPDATE_IMPORT_JOB } as const;
const STARTED = {
  cases: 'case.importStarted',
  repayments: 'repayment.importStarted',
  updates: 'case.updatesStarted',
} as const;

export type ImportView = Pick<
  CaseImport,
  | 'id'
  | 'kind'
  | 'fileName'
  | 'status'
  | 'format'
  | 'encoding'
  | 'bytesTotal'
  | 'bytesRead'
  | 'rowCount'
  | 'rowsWritten'
  | 'errorCount'
  | 'fileError'
  | 'errors'
  | 'reportFileId'
  | 'extraColumns'
  | 'summary'
  | 'createdAt'
  | 'finishedAt'
>;

/**
 * An import as the caller sees it. Its report is offered only to those who import (the
 * creditor's admins and managers): to anyone else the download would answer NOT_FOUND.
 */
const view = (i: CaseImport, caller?: Caller): ImportView => ({
  id: i.id,
  kind: i.kind,
  fileName: i.fileName,
  status: i.status,
  format: i.format,
  encoding: i.encoding,
  bytesTotal: i.bytesTotal,
  bytesRead: i.bytesRead,
  rowCount: i.rowCount,
  rowsWritten: i.rowsWritten,
  errorCount: i.errorCount,
  fileError: i.fileError,
  errors: i.errors,
  reportFileId: !caller || hasPermission(caller.actor, IMPORT_PERMISSION[i.kind]) ? i.reportFileId : null,
  extraColumns: i.extraColumns,
  summary: i.summary,
  createdAt: i.createdAt,
  finishedAt: i.finishedAt,
});

/**
 * Queues an uploaded spreadsheet of cases, repayments or case updates for import by the creditor. The
 * work runs as a job; the import row is there at once for the page to follow its progress.
 */
export const startImport = async (
  db: DbOrTx,
  caller: Caller,
  input: { fileId: string; fileName: string },
  kind: ImportKind = 'cases',
): Promise<ImportView> => {
  const file = await ownFile(db, caller, input.fileId);
  if (!SPREADSHEET_FILE_TYPES.includes(file.mime as FileType))
    throw new DomainError('import.notSpreadsheet', { field: 'fileId' });
  // An import's file is not kept once the import ended: a file imports once (upload it again to import it again).
  const [used] = await db
    .select({ id: caseImports.id })
    .from(caseImports)
    .where(eq(caseImports.fileId, file.id))
    .limit(1);
  if (used) throw new DomainError('import.fileUsed', { field: 'fileId' });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseImports)
      .values({
        creditorId: caller.actor.orgId,
        kind,
        fileId: file.id,
        fileName: input.fileName,
        bytesTotal: file.size,
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new DomainError('import.notFound');
    await jobQueue.enqueue(tx, {
      kind: JOB_OF[kind],
      key: row.id,
      payload: { importId: row.id },
    });
    await writeAudit(tx, caller, {
      action: STARTED[kind],
      resourceType: 'case_import',
      resourceId: row.id,
      orgId: caller.actor.orgId,
      after: { fileId: file.id, fileName: input.fileName, size: file.size },
    });
    return view(row, caller);
  });
};

/** One import of the caller's creditor, of the kind asked for; another organization's answers NOT_FOUND. */
export const getImport = async (
  db: DbOrTx,
  caller: Caller,
  importId: string,
  kind: ImportKind = 'cases',
): Promise<ImportView> => {
  const [row] = await db
    .select()
    .from(caseImports)
    .where(
      and(eq(caseImports.id, importId), eq(caseImports.creditorId, caller.actor.orgId), eq(caseImports.kind, kind)),
    );
  if (!row) throw new DomainError('import.notFound', { field: 'importId' });
  return view(row, caller);
};

export const listImports = async (
  db: DbOrTx,
  caller: Caller,
  input: { cursor?: string | null; limit: number },
  kind: ImportKind = 'cases',
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(caseImports)
    .where(
      and(
        eq(caseImports.creditorId, caller.actor.orgId),
        eq(caseImports.kind, kind),
        cursor ? afterCursor(caseImports.createdAt, caseImports.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(caseImports.createdAt), desc(caseImports.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map((i) => view(i, caller)), nextCursor: page.nextCursor };
};
