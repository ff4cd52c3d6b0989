import { and, eq, inArray, sql } from 'drizzle-orm';
import { raiseStatementTimeout, type Db, type DbOrTx } from '@/db/client';
import { caseImportRows, cases } from '@/db/schema';
import { shanghaiDate } from '@/lib/dates';
import type { BlobStore } from '../../storage/store';
import { executeRows } from '../shared/execute';
import { columnLabel, matchHeaders, type ColumnField } from './import-columns';
import { runTabularImport, type ImportBody, type ImportOptions } from './import-run';
import { validateRow } from './import-row';
import { sealCase, type SealedCase } from './seal';

// The case file (DESIGN §6) in the import frame of import-run.ts: every row checked,
// sealed and staged while the file is read, every bad row reported, then every staged
// row written by one statement in the landing transaction.

const BATCH = 2000;

const existingContracts = async (db: DbOrTx, creditorId: string, contractNos: string[]) =>
  new Set(
    (
      await db
        .select({ c: cases.contractNo })
        .from(cases)
        .where(and(eq(cases.creditorId, creditorId), inArray(cases.contractNo, contractNos)))
    ).map((r) => r.c),
  );

/** The sealed columns of a case, as staged and as written. */
const SEALED_COLUMNS = sql.raw(`contract_no text, debtor_name text, id_number_enc text, id_number_idx text,
  id_number_masked text, phones jsonb, contacts jsonb, loan_amount bigint, principal_outstanding bigint, amount_overdue bigint,
  days_overdue integer, loan_date date, product text, province text, city text, address text, time_zone text, extra jsonb`);

/**
 * Stages one batch of checked rows; a contract number already staged for this file is a
 * duplicate within the file, reported with the row that has it first.
 */
const stageBatch = async (db: Db, importId: string, batch: { row: number; sealed: SealedCase }[]) => {
  const staged = await executeRows<{ row: number }>(
    db,
    sql`insert into ${caseImportRows} (import_id, row, contract_no, data)
        select ${importId}::uuid, r.row, r.data->>'contract_no', r.data
        from jsonb_to_recordset(${JSON.stringify(batch.map((b) => ({ row: b.row, data: b.sealed })))}::jsonb) as r(row integer, data jsonb)
        order by r.row
        on conflict (import_id, contract_no) do nothing
        returning row`,
  );
  if (staged.length === batch.length) return [];
  const landed = new Set(staged.map((r) => r.row));
  const repeated = batch.filter((b) => !landed.has(b.row));
  const firstRows = await db
    .select({ contractNo: caseImportRows.contractNo, row: caseImportRows.row })
    .from(caseImportRows)
    .where(
      and(
        eq(caseImportRows.importId, importId),
        inArray(caseImportRows.contractNo, [...new Set(repeated.map((b) => b.sealed.contract_no))]),
      ),
    );
  const firstRow = new Map(firstRows.map((r) => [r.contractNo, r.row]));
  return repeated.map((b) => ({
    row: b.row,
    contractNo: b.sealed.contract_no,
    firstRow: firstRow.get(b.sealed.contract_no) ?? b.row,
  }));
};

/** Removes a file's staged rows; a file of a million rows takes longer than a page's statement limit. */
const clearStaged = async (db: Db, importId: string) => {
  await db.transaction(async (tx) => {
    await raiseStatementTimeout(tx);
    await tx.delete(caseImportRows).where(eq(caseImportRows.importId, importId));
  });
};

/** The case file (DESIGN §6): every row checked and staged, every bad row reported, then all of them written at once. */
const CASE_BODY: ImportBody<ColumnField, { extraColumns: string[]; contractHeader: string }> = {
  matchHeaders,
  audit: { landed: 'case.imported', failed: 'case.importFailed' },
  clear: clearStaged,
  check: async (db, { imp, map, rows, today, fail, progress }) => {
    let rowCount = 0;
    let batch: { row: number; sealed: SealedCase }[] = [];
    const contractHeader = columnLabel(map, 'contractNo');
    // One batch is staged while the next is read, checked and sealed: the database and
    // this process work at the same time (at most one batch waits).
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (batch.length === 0) return;
      const current = batch;
      batch = [];
      await inFlight;
      inFlight = (async () => {
        const [repeated, taken] = await Promise.all([
          stageBatch(db, imp.id, current),
          existingContracts(
            db,
            imp.creditorId,
            current.map((b) => b.sealed.contract_no),
          ),
        ]);
        for (const d of repeated)
          await fail(d.row, {
            column: contractHeader,
            code: 'duplicateInFile',
            values: { value: d.contractNo, row: d.firstRow },
          });
        for (const b of current)
          if (taken.has(b.sealed.contract_no))
            await fail(b.row, {
              column: contractHeader,
              code: 'duplicateExisting',
              values: { value: b.sealed.contract_no },
            });
      })();
      inFlight.catch(() => undefined);
    };
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { row, cells } = next.value;
      rowCount += 1;
      const result = validateRow(map, cells, today);
      if (result.value) {
        batch.push({ row, sealed: sealCase(result.value) });
        if (batch.length >= BATCH) await flush();
      } else {
        for (const e of result.errors) await fail(row, e);
      }
      if (rowCount % 1000 === 0) await progress(rowCount);
    }
    await flush();
    await inFlight;
    return { rowCount, staged: { extraColumns: [...map.extra.values()], contractHeader } };
  },
  land: async (tx, { imp, rowCount, fail, errorCount }, { extraColumns, contractHeader }) => {
    if (errorCount() > 0) return { landed: {}, after: {} };
    // The file's days overdue are as of the day it was uploaded (Beijing): the case ages from there.
    const fileDay = shanghaiDate(imp.createdAt);
    const written = await executeRows<{ n: number }>(
      tx,
      sql`with written as (
            insert into ${cases} (creditor_id, import_id, contract_no, debtor_name, id_number_enc, id_number_idx, id_number_masked, phones, contacts,
              loan_amount, principal_outstanding, amount_overdue, overdue_from, overdue_since, loan_date, product, province, city, address, time_zone, extra)
            select ${imp.creditorId}::uuid, ${imp.id}::uuid, r.contract_no, r.debtor_name, r.id_number_enc, r.id_number_idx, r.id_number_masked, r.phones, r.contacts,
              r.loan_amount, r.principal_outstanding, r.amount_overdue,
              ${fileDay}::date - r.days_overdue, ${fileDay}::date - r.days_overdue, r.loan_date, r.product, r.province, r.city, r.address, r.time_zone, r.extra
            from ${caseImportRows} s, jsonb_to_record(s.data) as r(${SEALED_COLUMNS})
            where s.import_id = ${imp.id}::uuid
            order by s.row
            on conflict (creditor_id, contract_no) do nothing
            returning 1)
          select count(*)::int as n from written`,
    );
    if ((written[0]?.n ?? 0) < rowCount) {
      // Another import of this creditor landed some of these contract numbers since they were checked.
      const taken = await executeRows<{ row: number; contract_no: string }>(
        tx,
        sql`select s.row, s.contract_no from ${caseImportRows} s
            where s.import_id = ${imp.id}::uuid
              and not exists (select 1 from ${cases} c where c.creditor_id = ${imp.creditorId}::uuid and c.contract_no = s.contract_no and c.import_id = ${imp.id}::uuid)
            order by s.row`,
      );
      for (const t of taken)
        await fail(t.row, { column: contractHeader, code: 'duplicateExisting', values: { value: t.contract_no } });
    }
    // Landed: the staged rows go in the same transaction, so none outlive a landed import.
    if (errorCount() === 0) await tx.delete(caseImportRows).where(eq(caseImportRows.importId, imp.id));
    return { landed: { extraColumns }, after: {} };
  },
};

export const runImport = async (
  db: Db,
  importId: string,
  store: BlobStore,
  options: ImportOptions = {},
): Promise<void> => runTabularImport(db, importId, store, CASE_BODY, options);
