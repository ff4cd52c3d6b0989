import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import type { AuditAction } from '@/lib/enums';
import { raiseStatementTimeout, type Db, type Tx } from '@/db/client';
import { caseImports, storedFiles, type CaseImport, type ImportFileError, type ImportRowError } from '@/db/schema';
import { writeAudit } from '../../audit/write';
import { emitEvent } from '../webhooks/emit';
import { getTranslate } from '../../i18n/translate';
import { fileStream } from '../../storage/file-stream';
import { stage } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { TableError, type TableRow } from '../../tabular/errors';
import { openTable } from '../../tabular/open';
import { csvLine } from '../../tabular/write';
import { keepStaged, releaseImportFile } from '../files/blobs';
import { cutoff, UNATTACHED_UPLOAD_MS } from '../retention/windows';
import { shanghaiDate } from '@/lib/dates';
import { isHeaderProblem, type HeaderMap, type HeaderProblem } from './import-columns';
import type { CellError } from './import-row';

// The import job (DESIGN §6), in two steps so that no lock is held while a file is read.
// Checking reads every row outside any transaction, reports every bad one, stages what
// will land and saves its progress as it goes (any page, on any connection, sees it move).
// Landing judges what needs the database and, for a file with no bad row, writes what was
// staged in one transaction that also records the outcome and its audit row (the case
// file's body is case-import.ts, the repayment file's money/repayment-import.ts): the
// import lands whole or not at all,
// and a job that dies part way leaves nothing behind and runs again from the start.
// However it ends (landed, refused, given up), the transaction that ends it also removes
// the file's bytes (releaseImportFile): the file holds ID and phone numbers in clear and is
// not read again; the import's report and error rows stay.

/** Errors kept on the import for the screen; the report file has every one. */
export const SCREEN_ERRORS = 200;
const PROGRESS_EVERY_MS = 500;

class Rejected extends Error {}

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

const zh = getTranslate('zh-CN');
const en = getTranslate('en');
const reportLine = (e: ImportRowError) =>
  csvLine([String(e.row), e.column, zh(`import.row.${e.code}`, e.values), en(`import.row.${e.code}`, e.values)]);

/** A database that can take a second statement while a transaction is open (PGlite cannot). */
const hasSeparateConnections = (db: Db) => !((db as unknown as { $client?: unknown }).$client instanceof PGlite);

/** Copies the stored bytes to a local temporary file (the readers need random access). */
export const toTempFile = async (store: BlobStore, sha256: string): Promise<string> => {
  const bytes = await store.get(sha256);
  if (!bytes) throw new Error(`stored file ${sha256} is missing`);
  await mkdir(store.tempDir, { recursive: true });
  const target = path.join(store.tempDir, `import-${randomUUID()}`);
  await pipeline(
    Readable.fromWeb(bytes as import('node:stream/web').ReadableStream<Uint8Array>),
    createWriteStream(target),
  );
  return target;
};

const headerError = (p: HeaderProblem): ImportFileError =>
  p.code === 'missingHeaders'
    ? { code: p.code, values: { columns: p.missing.join('、') } }
    : p.code === 'duplicateHeader'
      ? { code: p.code, values: { header: p.header } }
      : { code: p.code };

type Outcome =
  | { kind: 'skipped' }
  | { kind: 'succeeded'; rowCount: number }
  | { kind: 'rejected'; rowCount: number; errorCount: number; errors: ImportRowError[] }
  | { kind: 'fileError'; error: ImportFileError };

/**
 * What a kind of import does with the rows of its file. `check` reads every data row
 * outside any transaction, reports bad ones through `fail` and keeps (in memory or staged
 * in the database) what will land; `land` runs inside the import's transaction, judges
 * what needs the database and, while no row has failed, writes; it may still refuse rows
 * through `fail` (a contract number another import took meanwhile). Any failed row rolls
 * the transaction back; otherwise what `land` returns is saved on the import and audited.
 */
export type ImportBody<F extends string, S> = {
  matchHeaders: (cells: readonly string[]) => HeaderMap<F> | HeaderProblem;
  check: (db: Db, ctx: CheckContext<F>) => Promise<{ rowCount: number; staged: S }>;
  land: (
    tx: Tx,
    ctx: LandContext,
    staged: S,
  ) => Promise<{ landed: Partial<CaseImport>; after: Record<string, unknown> }>;
  /** Removes what an earlier attempt or this one staged in the database. */
  clear?: (db: Db, importId: string) => Promise<void>;
  audit: { landed: AuditAction; failed: AuditAction };
};

type Fail = (row: number, e: CellError) => Promise<void> | undefined;

export type CheckContext<F extends string> = {
  imp: CaseImport;
  map: HeaderMap<F>;
  rows: AsyncIterator<TableRow>;
  today: string;
  fail: Fail;
  errorCount: () => number;
  /** Saves how far the job has read, at most twice a second. */
  progress: (rows: number) => Promise<void>;
};

export type LandContext = {
  imp: CaseImport;
  rowCount: number;
  now: Date;
  fail: Fail;
  errorCount: () => number;
  /** Saves how many rows are written so far, at most twice a second, where another connection can (not on PGlite, whose one connection the transaction holds). */
  progress: (rows: number) => Promise<void>;
};

/**
 * Saves an import's progress on its row, never waiting for a lock: when the landing
 * transaction holds the row (it writes the outcome there), this update is skipped. A
 * progress write that waited would wait for the transaction that waits for it.
 */
const saveProgress = async (
  db: Db,
  importId: string,
  set: { bytesRead: number; rowCount: number } | { rowsWritten: number },
) => {
  const columns =
    'rowsWritten' in set
      ? [sql`rows_written = ${set.rowsWritten}`]
      : [sql`bytes_read = ${set.bytesRead}`, sql`row_count = ${set.rowCount}`];
  await db.execute(
    sql`update ${caseImports} set ${sql.join([...columns, sql`updated_at = now()`], sql`, `)} where id = (select id from ${caseImports} where id = ${importId} and status = 'running' for no key update skip locked)`,
  );
};

/** How long checking may keep the process to itself before other work (a page asking for progress) gets a turn. */
const TURN_MS = 20;

/**
 * The file's rows, handing the event loop a turn every few milliseconds: checking and
 * sealing rows is work for the processor alone, and a web process that runs the job
 * (embedded PGlite, or a deployment without a separate worker) keeps answering its pages.
 */
const sharingTurns = (rows: AsyncIterator<TableRow>): AsyncIterator<TableRow> => {
  let since = performance.now();
  return {
    next: async () => {
      if (performance.now() - since > TURN_MS) {
        await nextTurn();
        since = performance.now();
      }
      return rows.next();
    },
    return: async (value?: unknown) => (rows.return ? rows.return(value) : { done: true, value: undefined }),
  };
};

const throttled = (everyMs: number, save: (rows: number) => Promise<void>) => {
  let last = Date.now();
  return async (rows: number) => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    await save(rows);
  };
};

/**
 * Runs one import of a creditor's file: claims it, checks every row and stages what will
 * land, then lands it in one transaction; any bad row, found while checking or while
 * landing, leaves nothing written and the report lists every one.
 */
export type ImportOptions = {
  now?: Date;
  /** How often progress is saved (a test saves it at every chance). */ progressEveryMs?: number;
};

export const runTabularImport = async <F extends string, S>(
  db: Db,
  importId: string,
  store: BlobStore,
  body: ImportBody<F, S>,
  { now = new Date(), progressEveryMs = PROGRESS_EVERY_MS }: ImportOptions = {},
): Promise<void> => {
  // A finished import is never run again, whoever asks.
  const [imp] = await db
    .update(caseImports)
    .set({ status: 'running', bytesRead: 0, rowCount: 0, rowsWritten: 0, updatedAt: new Date() })
    .where(and(eq(caseImports.id, importId), inArray(caseImports.status, ['queued', 'running'])))
    .returning();
  if (!imp) return;
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, imp.fileId));
  if (!file) throw new Error(`file of import ${importId} is missing`);

  await body.clear?.(db, imp.id);
  const temp = await toTempFile(store, file.sha256);
  const reportPath = `${temp}.report.csv`;
  const report = createWriteStream(reportPath);
  report.write('\uFEFF');
  report.write(csvLine(['行号 Row', '列 Column', '原因', 'Reason']));
  const shown: ImportRowError[] = [];
  let errorCount = 0;
  const fail: Fail = (row, e) => {
    errorCount += 1;
    const err: ImportRowError = { row, column: e.column, code: e.code, ...(e.values ? { values: e.values } : {}) };
    if (shown.length < SCREEN_ERRORS) shown.push(err);
    if (!report.write(reportLine(err))) return once(report, 'drain').then(() => undefined);
    return undefined;
  };
  const rejected = (rowCount: number): Outcome => ({
    kind: 'rejected',
    rowCount,
    errorCount,
    errors: [...shown].sort((a, b) => a.row - b.row),
  });
  let format: string | null = null;
  let encoding: string | null = null;
  try {
    let outcome: Outcome;
    try {
      const table = await openTable(temp, file.mime);
      format = table.format;
      encoding = table.encoding;
      const rows = sharingTurns(table.rows[Symbol.asyncIterator]());
      const first = await rows.next();
      if (first.done) throw new TableError('empty');
      const map = body.matchHeaders(first.value.cells);
      if (isHeaderProblem(map)) {
        outcome = { kind: 'fileError', error: headerError(map) };
      } else {
        const checkProgress = throttled(progressEveryMs, (n) =>
          saveProgress(db, imp.id, { bytesRead: table.bytesRead(), rowCount: n }),
        );
        const { rowCount, staged } = await body.check(db, {
          imp,
          map,
          rows,
          today: shanghaiDate(now),
          fail,
          errorCount: () => errorCount,
          progress: checkProgress,
        });
        if (rowCount === 0) throw new TableError('empty');
        {
          // A file with bad rows lands nothing, yet the body may still have rows to judge
          // against the database (a repayment's case): it does so inside the transaction too.
          await saveProgress(db, imp.id, { bytesRead: table.totalBytes, rowCount });
          const canReport = hasSeparateConnections(db);
          const landProgress = throttled(progressEveryMs, (n) =>
            canReport ? saveProgress(db, imp.id, { rowsWritten: n }) : Promise.resolve(),
          );
          outcome = await db
            .transaction(async (tx) => {
              // Landing a large file takes longer than a web request may: this transaction
              // alone raises its statement limit (the connection's lock limit stays).
              await raiseStatementTimeout(tx);
              // One landing per import: a second worker that somehow runs the same import
              // waits here, then finds it finished. An advisory lock, not the import's row,
              // so that progress can still be saved while this transaction writes.
              await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${imp.id}, 0))`);
              const [current] = await tx
                .select({ status: caseImports.status })
                .from(caseImports)
                .where(eq(caseImports.id, imp.id));
              if (current?.status !== 'running') return { kind: 'skipped' } as const;
              const done = await body.land(
                tx,
                { imp, rowCount, now, fail, errorCount: () => errorCount, progress: landProgress },
                staged,
              );
              if (errorCount > 0) throw Object.assign(new Rejected(), { outcome: rejected(rowCount) });
              await tx
                .update(caseImports)
                .set({
                  ...done.landed,
                  status: 'succeeded',
                  format,
                  encoding,
                  rowCount,
                  rowsWritten: rowCount,
                  bytesRead: table.totalBytes,
                  finishedAt: new Date(),
                  updatedAt: new Date(),
                })
                .where(eq(caseImports.id, imp.id));
              const fileRemoved = await releaseImportFile(tx, store, imp.id, cutoff(new Date(), UNATTACHED_UPLOAD_MS));
              await writeAudit(tx, SYSTEM, {
                action: body.audit.landed,
                resourceType: 'case_import',
                resourceId: imp.id,
                orgId: imp.creditorId,
                after: { ...done.after, rowCount, fileName: imp.fileName, by: imp.createdBy, fileRemoved },
              });
              await emitEvent(tx, {
                orgId: imp.creditorId,
                type: 'import.finished',
                payload: { importId: imp.id, kind: imp.kind, status: 'succeeded', rowCount, errorCount: 0 },
              });
              return { kind: 'succeeded', rowCount } as const;
            })
            .catch((e: unknown) => {
              if (e instanceof Rejected) return (e as Rejected & { outcome: Outcome }).outcome;
              throw e;
            });
        }
      }
    } catch (e) {
      if (!(e instanceof TableError)) throw e;
      outcome = { kind: 'fileError', error: { code: e.code, ...(e.row ? { values: { row: e.row } } : {}) } };
    }
    report.end();
    await once(report, 'close');
    if (outcome.kind === 'succeeded' || outcome.kind === 'skipped') return;
    await recordFailure(db, store, imp, file.sha256, outcome, {
      format,
      encoding,
      reportPath,
      action: body.audit.failed,
    });
  } finally {
    report.destroy();
    await rm(temp, { force: true });
    await rm(reportPath, { force: true });
    await body.clear?.(db, imp.id);
  }
};

const recordFailure = async (
  db: Db,
  store: BlobStore,
  imp: CaseImport,
  fileSha256: string,
  outcome: Exclude<Outcome, { kind: 'succeeded' } | { kind: 'skipped' }>,
  {
    format,
    encoding,
    reportPath,
    action,
  }: { format: string | null; encoding: string | null; reportPath: string; action: AuditAction },
) => {
  const failed = async (tx: Tx, reportFileId: string | null) => {
    const base = { status: 'failed' as const, format, encoding, finishedAt: new Date(), updatedAt: new Date() };
    await tx
      .update(caseImports)
      .set(
        outcome.kind === 'rejected'
          ? {
              ...base,
              rowCount: outcome.rowCount,
              errorCount: outcome.errorCount,
              errors: outcome.errors,
              reportFileId,
              bytesRead: imp.bytesTotal,
            }
          : { ...base, fileError: outcome.error },
      )
      .where(and(eq(caseImports.id, imp.id), eq(caseImports.status, 'running')));
    const fileRemoved = await releaseImportFile(tx, store, imp.id, cutoff(new Date(), UNATTACHED_UPLOAD_MS));
    await writeAudit(tx, SYSTEM, {
      action,
      resourceType: 'case_import',
      resourceId: imp.id,
      orgId: imp.creditorId,
      after: {
        ...(outcome.kind === 'rejected'
          ? { rowCount: outcome.rowCount, errorCount: outcome.errorCount }
          : { fileError: outcome.error.code }),
        fileRemoved,
      },
    });
    await emitEvent(tx, {
      orgId: imp.creditorId,
      type: 'import.finished',
      payload: {
        importId: imp.id,
        kind: imp.kind,
        status: 'failed',
        ...(outcome.kind === 'rejected'
          ? { rowCount: outcome.rowCount, errorCount: outcome.errorCount }
          : { fileError: outcome.error.code }),
      },
    });
  };
  if (outcome.kind !== 'rejected') {
    await db.transaction((tx) => failed(tx, null));
    return;
  }
  // The report is recorded with the outcome, and stored once recorded.
  const report = await stage(fileStream(reportPath), store.tempDir);
  await keepStaged(
    db,
    store,
    report,
    async (tx) => {
      const [reportFile] = await tx
        .insert(storedFiles)
        .values({
          orgId: imp.creditorId,
          uploadedBy: imp.createdBy,
          sha256: report.sha256,
          size: report.size,
          mime: report.mime,
        })
        .returning({ id: storedFiles.id });
      await failed(tx, reportFile?.id ?? null);
    },
    [fileSha256],
  );
};

/**
 * The job gave up (its last attempt failed for a reason other than the file): the import
 * is marked failed so that its page stops waiting, with nothing written, saying whether
 * the database was busy or out of reach (worth uploading again later) or something else
 * broke. Its file goes too: a new attempt is a new upload.
 */
export const abandonImport = async (
  db: Db,
  importId: string,
  store: BlobStore,
  fault: 'db.busy' | 'db.unavailable' | null = null,
) =>
  db.transaction(async (tx) => {
    const code = fault === 'db.busy' ? 'dbBusy' : fault === 'db.unavailable' ? 'dbUnavailable' : 'internal';
    const [imp] = await tx
      .update(caseImports)
      .set({ status: 'failed', fileError: { code }, finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(caseImports.id, importId), inArray(caseImports.status, ['queued', 'running'])))
      .returning();
    if (!imp) return;
    const fileRemoved = await releaseImportFile(tx, store, imp.id, cutoff(new Date(), UNATTACHED_UPLOAD_MS));
    await writeAudit(tx, SYSTEM, {
      action:
        imp.kind === 'repayments'
          ? 'repayment.importFailed'
          : imp.kind === 'updates'
            ? 'case.updatesFailed'
            : 'case.importFailed',
      resourceType: 'case_import',
      resourceId: imp.id,
      orgId: imp.creditorId,
      after: { fileError: code, fileRemoved },
    });
    await emitEvent(tx, {
      orgId: imp.creditorId,
      type: 'import.finished',
      payload: { importId: imp.id, kind: imp.kind, status: 'failed', fileError: code },
    });
  });
