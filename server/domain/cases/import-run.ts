import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import type { AuditAction } from '@/db/enums';
import type { Db, DbOrTx } from '@/db/client';
import { caseImports, cases, storedFiles, type CaseImport, type ImportFileError, type ImportRowError } from '@/db/schema';
import { writeAudit } from '../../audit/write';
import { getTranslate } from '../../i18n/translate';
import { ingest } from '../../storage/ingest';
import type { BlobStore } from '../../storage/store';
import { TableError, type TableRow } from '../../tabular/errors';
import { openTable } from '../../tabular/open';
import { csvLine } from '../../tabular/write';
import { holdBlob } from '../files/blobs';
import { shanghaiDate } from '../shared/dates';
import { executeRows } from '../shared/execute';
import { columnLabel, isHeaderProblem, matchHeaders, type ColumnField, type HeaderMap, type HeaderProblem } from './import-columns';
import { validateRow, type CellError } from './import-row';
import { sealCase, type SealedCase } from './seal';

// The import job (DESIGN §6): every row is validated and, while none has failed, written
// in one transaction; the first bad row stops the writing but not the checking, so the
// report lists every bad row. Any error rolls the transaction back: the import lands whole
// or not at all, and a job that dies part way leaves nothing behind and runs again.

/** Errors kept on the import for the screen; the report file has every one. */
export const SCREEN_ERRORS = 200;
const BATCH = 2000;
const PROGRESS_EVERY_MS = 500;

class Rejected extends Error {}

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

const zh = getTranslate('zh-CN');
const en = getTranslate('en');
const reportLine = (e: ImportRowError) => csvLine([String(e.row), e.column, zh(`import.row.${e.code}`, e.values), en(`import.row.${e.code}`, e.values)]);

/** A database that can take a second statement while a transaction is open (PGlite cannot). */
const hasSeparateConnections = (db: Db) => !((db as unknown as { $client?: unknown }).$client instanceof PGlite);

const insertBatch = async (tx: DbOrTx, imp: CaseImport, batch: SealedCase[]): Promise<Set<string>> => {
  const inserted = await executeRows<{ contract_no: string }>(
    tx,
    sql`insert into ${cases} (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
          loan_amount, principal_outstanding, amount_overdue, days_overdue, bucket, loan_date, product, province, city, address, time_zone, extra)
        select ${imp.creditorId}::uuid, ${imp.id}::uuid, r.contract_no, r.debtor_name, r.id_number_enc, r.id_number_idx, r.id_number_masked, r.phones, r.contacts,
          r.loan_amount, r.principal_outstanding, r.amount_overdue, r.days_overdue, r.bucket, r.loan_date, r.product, r.province, r.city, r.address, r.time_zone, r.extra
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as r(contract_no text, debtor_name text, id_number_enc text, id_number_idx text,
          id_number_masked text, phones jsonb, contacts jsonb, loan_amount bigint, principal_outstanding bigint, amount_overdue bigint,
          days_overdue integer, bucket smallint, loan_date date, product text, province text, city text, address text, time_zone text, extra jsonb)
        on conflict (creditor_id, contract_no) do nothing
        returning contract_no`,
  );
  return new Set(inserted.map((r) => r.contract_no));
};

const existingContracts = async (tx: DbOrTx, creditorId: string, contractNos: string[]) =>
  new Set(
    (await tx.select({ c: cases.contractNo }).from(cases).where(and(eq(cases.creditorId, creditorId), inArray(cases.contractNo, contractNos)))).map((r) => r.c),
  );

/** Copies the stored bytes to a local temporary file (the readers need random access). */
const toTempFile = async (store: BlobStore, sha256: string): Promise<string> => {
  const bytes = await store.get(sha256);
  if (!bytes) throw new Error(`stored file ${sha256} is missing`);
  await mkdir(store.tempDir, { recursive: true });
  const target = path.join(store.tempDir, `import-${randomUUID()}`);
  await pipeline(Readable.fromWeb(bytes as import('node:stream/web').ReadableStream<Uint8Array>), createWriteStream(target));
  return target;
};

const headerError = (p: HeaderProblem): ImportFileError =>
  p.code === 'missingHeaders' ? { code: p.code, values: { columns: p.missing.join('、') } } : p.code === 'duplicateHeader' ? { code: p.code, values: { header: p.header } } : { code: p.code };

type Outcome = { kind: 'skipped' } | { kind: 'succeeded'; rowCount: number } | { kind: 'rejected'; rowCount: number; errorCount: number; errors: ImportRowError[] } | { kind: 'fileError'; error: ImportFileError };

/** What a kind of import does with the rows of its file, inside the import's transaction. */
export type ImportBody<F extends string> = {
  matchHeaders: (cells: readonly string[]) => HeaderMap<F> | HeaderProblem;
  /**
   * Reads every data row, reporting bad ones through `fail`, and writes while none has
   * failed. What it returns is saved on the import and audited when no row failed.
   */
  run: (tx: DbOrTx, ctx: BodyContext<F>) => Promise<{ rowCount: number; landed: Partial<CaseImport>; after: Record<string, unknown> }>;
  audit: { landed: AuditAction; failed: AuditAction };
};

export type BodyContext<F extends string> = {
  imp: CaseImport;
  map: HeaderMap<F>;
  rows: AsyncIterator<TableRow>;
  today: string;
  now: Date;
  fail: (row: number, e: CellError) => Promise<void> | undefined;
  errorCount: () => number;
  /** Saves how far the job has read, at most twice a second. */
  progress: (rows: number) => Promise<void>;
};

/**
 * Runs one import of a creditor's file: claims it, reads the table, and lets the body of
 * its kind check and write the rows in one transaction; any bad row rolls everything back
 * and the report lists every one.
 */
export const runTabularImport = async <F extends string>(db: Db, importId: string, store: BlobStore, now: Date, body: ImportBody<F>): Promise<void> => {
  // A finished import is never run again, whoever asks.
  const [imp] = await db
    .update(caseImports)
    .set({ status: 'running', bytesRead: 0, updatedAt: new Date() })
    .where(and(eq(caseImports.id, importId), inArray(caseImports.status, ['queued', 'running'])))
    .returning();
  if (!imp) return;
  const [file] = await db.select().from(storedFiles).where(eq(storedFiles.id, imp.fileId));
  if (!file) throw new Error(`file of import ${importId} is missing`);

  const temp = await toTempFile(store, file.sha256);
  const reportPath = `${temp}.report.csv`;
  const report = createWriteStream(reportPath);
  report.write('\uFEFF');
  report.write(csvLine(['行号 Row', '列 Column', '原因', 'Reason']));
  const canReport = hasSeparateConnections(db);
  let format: string | null = null;
  let encoding: string | null = null;
  try {
    let outcome: Outcome;
    try {
      const table = await openTable(temp, file.mime);
      format = table.format;
      encoding = table.encoding;
      let lastProgress = Date.now();
      const progress = async (rows: number) => {
        if (!canReport || Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
        lastProgress = Date.now();
        await db.update(caseImports).set({ bytesRead: table.bytesRead(), rowCount: rows, updatedAt: new Date() }).where(eq(caseImports.id, imp.id));
      };
      outcome = await db
        .transaction(async (tx) => {
          // The import row stays locked until this transaction ends: a second worker that
          // somehow runs the same import waits here, then finds it finished.
          const [locked] = await tx.select({ status: caseImports.status }).from(caseImports).where(eq(caseImports.id, imp.id)).for('update');
          if (locked?.status !== 'running') return { kind: 'skipped' } as const;
          const rows = table.rows[Symbol.asyncIterator]();
          const first = await rows.next();
          if (first.done) throw new TableError('empty');
          const map = body.matchHeaders(first.value.cells);
          if (isHeaderProblem(map)) return { kind: 'fileError', error: headerError(map) } satisfies Outcome;
          const shown: ImportRowError[] = [];
          let errorCount = 0;
          const fail = (row: number, e: CellError) => {
            errorCount += 1;
            const err: ImportRowError = { row, column: e.column, code: e.code, ...(e.values ? { values: e.values } : {}) };
            if (shown.length < SCREEN_ERRORS) shown.push(err);
            if (!report.write(reportLine(err))) return once(report, 'drain').then(() => undefined);
            return undefined;
          };
          const done = await body.run(tx, { imp, map, rows, today: shanghaiDate(now), now, fail, errorCount: () => errorCount, progress });
          shown.sort((a, b) => a.row - b.row);
          if (done.rowCount === 0) throw new TableError('empty');
          if (errorCount > 0) {
            const rejected: Outcome = { kind: 'rejected', rowCount: done.rowCount, errorCount, errors: shown };
            throw Object.assign(new Rejected(), { outcome: rejected });
          }
          await tx
            .update(caseImports)
            .set({ ...done.landed, status: 'succeeded', format, encoding, rowCount: done.rowCount, bytesRead: table.totalBytes, finishedAt: new Date(), updatedAt: new Date() })
            .where(eq(caseImports.id, imp.id));
          await writeAudit(tx, SYSTEM, { action: body.audit.landed, resourceType: 'case_import', resourceId: imp.id, orgId: imp.creditorId, after: { ...done.after, rowCount: done.rowCount, fileName: imp.fileName, by: imp.createdBy } });
          return { kind: 'succeeded', rowCount: done.rowCount } as const;
        })
        .catch((e: unknown) => {
          if (e instanceof Rejected) return (e as Rejected & { outcome: Outcome }).outcome;
          throw e;
        });
    } catch (e) {
      if (!(e instanceof TableError)) throw e;
      outcome = { kind: 'fileError', error: { code: e.code, ...(e.row ? { values: { row: e.row } } : {}) } };
    }
    report.end();
    await once(report, 'close');
    if (outcome.kind === 'succeeded' || outcome.kind === 'skipped') return;
    await recordFailure(db, store, imp, outcome, { format, encoding, reportPath, action: body.audit.failed });
  } finally {
    report.destroy();
    await rm(temp, { force: true });
    await rm(reportPath, { force: true });
  }
};

/** The case file (DESIGN §6): rows written in batches while the file is clean, every bad row reported. */
const CASE_BODY: ImportBody<ColumnField> = {
  matchHeaders,
  audit: { landed: 'case.imported', failed: 'case.importFailed' },
  run: async (tx, { imp, map, rows, today, fail, errorCount, progress }) => {
    const seen = new Map<string, number>();
    let rowCount = 0;
    let batch: { row: number; sealed: SealedCase }[] = [];
    const contractHeader = columnLabel(map, 'contractNo');
    // One batch statement runs while the next batch is read, checked and sealed: the
    // database and this process work at the same time (at most one statement waits).
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      const contractNos = current.map((b) => b.sealed.contract_no);
      // While the file is clean the rows are written; after a bad row they are only checked.
      const taken =
        errorCount() === 0
          ? insertBatch(tx, imp, current.map((b) => b.sealed)).then((ok) => new Set(contractNos.filter((c) => !ok.has(c))))
          : existingContracts(tx, imp.creditorId, contractNos);
      await inFlight;
      inFlight = taken.then(async (set) => {
        for (const b of current) if (set.has(b.sealed.contract_no)) await fail(b.row, { column: contractHeader, code: 'duplicateExisting', values: { value: b.sealed.contract_no } });
      });
      inFlight.catch(() => undefined);
    };
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { row, cells } = next.value;
      rowCount += 1;
      const result = validateRow(map, cells, today);
      if (result.value) {
        const firstRow = seen.get(result.value.contractNo);
        if (firstRow !== undefined) {
          await fail(row, { column: contractHeader, code: 'duplicateInFile', values: { value: result.value.contractNo, row: firstRow } });
        } else {
          seen.set(result.value.contractNo, row);
          batch.push({ row, sealed: sealCase(result.value) });
          if (batch.length >= BATCH) await flush();
        }
      } else {
        for (const e of result.errors) await fail(row, e);
      }
      if (rowCount % 1000 === 0) await progress(rowCount);
    }
    await flush();
    await inFlight;
    return { rowCount, landed: { extraColumns: [...map.extra.values()] }, after: {} };
  },
};

export const runImport = async (db: Db, importId: string, store: BlobStore, now = new Date()): Promise<void> => runTabularImport(db, importId, store, now, CASE_BODY);

const recordFailure = async (
  db: Db,
  store: BlobStore,
  imp: CaseImport,
  outcome: Exclude<Outcome, { kind: 'succeeded' } | { kind: 'skipped' }>,
  { format, encoding, reportPath, action }: { format: string | null; encoding: string | null; reportPath: string; action: AuditAction },
) => {
  const stored = outcome.kind === 'rejected' ? await ingest(Readable.toWeb(createReadStream(reportPath)) as ReadableStream<Uint8Array>, store) : null;
  await db.transaction(async (tx) => {
    if (stored) await holdBlob(tx, store, stored.sha256);
    const [reportFile] = stored ? await tx.insert(storedFiles).values({ orgId: imp.creditorId, uploadedBy: imp.createdBy, ...stored }).returning({ id: storedFiles.id }) : [];
    const base = { status: 'failed' as const, format, encoding, finishedAt: new Date(), updatedAt: new Date() };
    await tx
      .update(caseImports)
      .set(
        outcome.kind === 'rejected'
          ? { ...base, rowCount: outcome.rowCount, errorCount: outcome.errorCount, errors: outcome.errors, reportFileId: reportFile?.id ?? null, bytesRead: imp.bytesTotal }
          : { ...base, fileError: outcome.error },
      )
      .where(and(eq(caseImports.id, imp.id), eq(caseImports.status, 'running')));
    await writeAudit(tx, SYSTEM, {
      action,
      resourceType: 'case_import',
      resourceId: imp.id,
      orgId: imp.creditorId,
      after: outcome.kind === 'rejected' ? { rowCount: outcome.rowCount, errorCount: outcome.errorCount } : { fileError: outcome.error.code },
    });
  });
};



/**
 * The job gave up (its last attempt failed for a reason other than the file): the import
 * is marked failed so that its page stops waiting, with nothing written.
 */
export const abandonImport = async (db: Db, importId: string) =>
  db.transaction(async (tx) => {
    const [imp] = await tx
      .update(caseImports)
      .set({ status: 'failed', fileError: { code: 'internal' }, finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(caseImports.id, importId), inArray(caseImports.status, ['queued', 'running'])))
      .returning();
    if (imp) await writeAudit(tx, SYSTEM, { action: imp.kind === 'repayments' ? 'repayment.importFailed' : 'case.importFailed', resourceType: 'case_import', resourceId: imp.id, orgId: imp.creditorId, after: { fileError: 'internal' } });
  });
