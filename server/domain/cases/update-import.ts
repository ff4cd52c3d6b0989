import { inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { MAX_CASE_UPDATE_ROWS } from '@/lib/import-formats';
import { OPEN_CASE_STATUSES } from '@/lib/enums';
import { fenToYuan } from '@/lib/format';
import { caseChanges, cases, type CaseChangeValue, type CaseContact, type CasePhone, type CaseRow } from '@/db/schema';
import { blindIndex, maskPhone } from '../../pii/crypto';
import type { BlobStore } from '../../storage/store';
import { TableError } from '../../tabular/errors';
import { columnLabel } from './import-columns';
import { runTabularImport, type ImportBody, type ImportOptions } from './import-run';
import { sealPhone } from './seal';
import { matchUpdateHeaders, UPDATE_COLUMNS, validateUpdateRow, type CaseUpdate, type UpdateField } from './update-row';
import { isActivePhone } from './changes';

// The creditor's update file (失联修复, issue 17 §7): for cases already imported, new
// balances, numbers to add or retire, a new address, new contacts. Every row is read and
// checked outside any transaction; then, with the cases locked, each row is judged against
// its case (the creditor's own, still open, the number to retire on it) and, if no row of
// the file failed, every change lands in one transaction, or none does. Nothing is
// overwritten that a past action relied on: numbers are appended or marked retired in
// place, and every change (old and new value) is a row of the append-only history.

type Parsed = { row: number; value: CaseUpdate };
type Checked = { parsed: Parsed[]; headers: Record<'contract' | 'phone' | 'retire' | 'amountOverdue', string> };

const WRITE_BATCH = 1000;
const OPEN = new Set<string>(OPEN_CASE_STATUSES);

/**
 * The creditor's cases named in the file, locked in one order (by id) so that two writers
 * never wait on each other. The contract numbers travel as one JSON document: two
 * statements for the whole file, whatever its size.
 */
const lockCases = async (tx: Tx, creditorId: string, contractNos: string[]) => {
  const named = JSON.stringify(contractNos);
  const rows = await tx
    .select()
    .from(cases)
    .where(
      inArray(
        cases.id,
        sql`(select id from ${cases} where ${cases.creditorId} = ${creditorId}
              and ${cases.contractNo} in (select jsonb_array_elements_text(${named}::jsonb)))`,
      ),
    )
    .orderBy(cases.id)
    .for('update');
  return new Map(rows.map((c): [string, CaseRow] => [c.contractNo, c]));
};

type Planned = {
  c: CaseRow;
  phones: CasePhone[] | null;
  contacts: CaseContact[] | null;
  address: string | null | undefined;
  principalOutstanding: number | null;
  amountOverdue: number | null;
  changes: {
    field: (typeof caseChanges.$inferInsert)['field'];
    oldValue: CaseChangeValue | null;
    newValue: CaseChangeValue | null;
  }[];
};

const sealedOnly = (p: CasePhone) => ({ enc: p.enc, idx: p.idx, masked: p.masked });

const UPDATE_BODY: ImportBody<UpdateField, Checked> = {
  matchHeaders: matchUpdateHeaders,
  audit: { landed: 'case.updatesImported', failed: 'case.updatesFailed' },
  check: async (_db, { map, rows, fail, progress }) => {
    const label = (f: UpdateField) => columnLabel(map, f, UPDATE_COLUMNS);
    const headers = {
      contract: label('contractNo'),
      phone: label('phone'),
      retire: label('retirePhone'),
      amountOverdue: label('amountOverdue'),
    };
    const parsed: Parsed[] = [];
    const firstRowOf = new Map<string, number>();
    const contractAt = [...map.fields].find(([, f]) => f === 'contractNo')?.[0] ?? 0;
    let rowCount = 0;
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      const { row, cells } = next.value;
      rowCount += 1;
      if (rowCount > MAX_CASE_UPDATE_ROWS) throw new TableError('tooManyRows', MAX_CASE_UPDATE_ROWS);
      const result = validateUpdateRow(map, cells);
      // One row per case: two rows of one contract could disagree, so the second names the first.
      const contractNo = (cells[contractAt] ?? '').trim();
      const earlier = contractNo === '' ? undefined : firstRowOf.get(contractNo);
      if (contractNo !== '' && earlier === undefined) firstRowOf.set(contractNo, row);
      if (earlier !== undefined)
        await fail(row, {
          column: headers.contract,
          code: 'duplicateInFile',
          values: { value: contractNo, row: earlier },
        });
      if (!result.value) {
        for (const e of result.errors) await fail(row, e);
      } else if (earlier === undefined) parsed.push({ row, value: result.value });
      if (rowCount % 1000 === 0) await progress(rowCount);
    }
    return { rowCount, staged: { parsed, headers } };
  },
  land: async (tx, { imp, now, fail, errorCount, progress }, { parsed, headers }) => {
    const byContract = await lockCases(tx, imp.creditorId, [...new Set(parsed.map((p) => p.value.contractNo))]);
    const at = now.toISOString();
    const planned: Planned[] = [];
    for (const { row, value: u } of parsed) {
      // Another creditor's contract answers exactly like one that does not exist.
      const c = byContract.get(u.contractNo);
      if (!c) {
        await fail(row, { column: headers.contract, code: 'caseNotFound', values: { value: u.contractNo } });
        continue;
      }
      if (!OPEN.has(c.status)) {
        await fail(row, { column: headers.contract, code: 'caseNotOpen', values: { value: u.contractNo } });
        continue;
      }
      const p: Planned = {
        c,
        phones: null,
        contacts: null,
        address: undefined,
        principalOutstanding: null,
        amountOverdue: null,
        changes: [],
      };
      let isBad = false;
      if (u.principalOutstanding !== null && u.principalOutstanding !== c.principalOutstanding) {
        p.principalOutstanding = u.principalOutstanding;
        p.changes.push({
          field: 'principal_outstanding',
          oldValue: { amount: c.principalOutstanding },
          newValue: { amount: u.principalOutstanding },
        });
      }
      if (u.amountOverdue !== null && u.amountOverdue !== c.amountOverdue) {
        // What was confirmed repaid stays repaid: the overdue amount cannot fall below it.
        if (u.amountOverdue < c.repaidAmount) {
          await fail(row, {
            column: headers.amountOverdue,
            code: 'belowRepaid',
            values: { repaid: fenToYuan(c.repaidAmount) },
          });
          isBad = true;
        } else {
          p.amountOverdue = u.amountOverdue;
          p.changes.push({
            field: 'amount_overdue',
            oldValue: { amount: c.amountOverdue },
            newValue: { amount: u.amountOverdue },
          });
        }
      }
      const phones: CasePhone[] = [...c.phones];
      for (const number of u.retirePhones) {
        const idx = blindIndex(number);
        const position = phones.findIndex((x) => x.idx === idx && isActivePhone(x));
        const found = phones[position];
        if (!found) {
          await fail(row, { column: headers.retire, code: 'phoneNotOnCase', values: { value: maskPhone(number) } });
          isBad = true;
          continue;
        }
        phones[position] = { ...found, retiredAt: at };
        p.changes.push({ field: 'phone_retired', oldValue: { phone: sealedOnly(found), position }, newValue: null });
      }
      for (const number of u.phones) {
        const idx = blindIndex(number);
        if (phones.some((x) => x.idx === idx && isActivePhone(x))) {
          await fail(row, { column: headers.phone, code: 'phoneExists', values: { value: maskPhone(number) } });
          isBad = true;
          continue;
        }
        const sealed: CasePhone = { ...sealPhone(number), source: 'creditor_file', addedAt: at };
        phones.push(sealed);
        p.changes.push({
          field: 'phone_added',
          oldValue: null,
          newValue: { phone: sealedOnly(sealed), position: phones.length - 1 },
        });
      }
      if (u.retirePhones.length > 0 || u.phones.length > 0) p.phones = phones;
      if (u.contacts.length > 0) {
        const contacts: CaseContact[] = [...c.contacts];
        for (const k of u.contacts) {
          const added: CaseContact = {
            name: k.name,
            relation: k.relation,
            phone: sealPhone(k.phone),
            source: 'creditor_file',
            addedAt: at,
          };
          contacts.push(added);
          p.changes.push({
            field: 'contact_added',
            oldValue: null,
            newValue: {
              contact: { name: added.name, relation: added.relation, phone: added.phone },
              position: contacts.length,
            },
          });
        }
        p.contacts = contacts;
      }
      if (u.address !== null && u.address !== c.address) {
        p.address = u.address;
        p.changes.push({ field: 'address', oldValue: { address: c.address }, newValue: { address: u.address } });
      }
      if (!isBad) planned.push(p);
    }
    if (errorCount() > 0) return { landed: {}, after: {} };

    // Every case's new state in a few statements: a batch of cases updated from one JSON
    // document, and the batch's history rows inserted at once.
    let written = 0;
    let changeCount = 0;
    for (let i = 0; i < planned.length; i += WRITE_BATCH) {
      const batch = planned.slice(i, i + WRITE_BATCH).filter((p) => p.changes.length > 0);
      if (batch.length > 0) {
        const doc = JSON.stringify(
          batch.map((p) => ({
            id: p.c.id,
            phones: p.phones,
            contacts: p.contacts,
            set_address: p.address !== undefined,
            address: p.address ?? null,
            po: p.principalOutstanding,
            ao: p.amountOverdue,
          })),
        );
        await tx.execute(sql`
          update ${cases} set
            phones = coalesce(u.phones, ${cases.phones}),
            contacts = coalesce(u.contacts, ${cases.contacts}),
            address = case when u.set_address then u.address else ${cases.address} end,
            principal_outstanding = coalesce(u.po, ${cases.principalOutstanding}),
            amount_overdue = coalesce(u.ao, ${cases.amountOverdue}),
            updated_at = ${now.toISOString()}::timestamptz
          from jsonb_to_recordset(${doc}::jsonb)
            as u(id uuid, phones jsonb, contacts jsonb, set_address boolean, address text, po bigint, ao bigint)
          where ${cases.id} = u.id`);
        // The batch's history rows, from one JSON document too (a few parameters, not tens of thousands).
        const changeRows = batch.flatMap((p) =>
          p.changes.map((ch) => ({ case_id: p.c.id, field: ch.field, old_value: ch.oldValue, new_value: ch.newValue })),
        );
        await tx.execute(sql`
          insert into ${caseChanges} (case_id, creditor_id, field, old_value, new_value, source, import_id, actor_id, org_id, note, created_at)
          select r.case_id, ${imp.creditorId}::uuid, r.field::case_change_field, r.old_value, r.new_value, 'creditor_file',
            ${imp.id}::uuid, ${imp.createdBy}::uuid, ${imp.creditorId}::uuid, '', ${at}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(changeRows)}::jsonb)
            as r(case_id uuid, field text, old_value jsonb, new_value jsonb)`);
        changeCount += changeRows.length;
      }
      written += Math.min(WRITE_BATCH, planned.length - i);
      await progress(written);
    }
    const casesChanged = planned.filter((p) => p.changes.length > 0).length;
    return { landed: {}, after: { casesChanged, changes: changeCount } };
  },
};

/** Runs one update file of a creditor (the queued job). */
export const runUpdateImport = async (
  db: Db,
  importId: string,
  store: BlobStore,
  options: ImportOptions = {},
): Promise<void> => runTabularImport(db, importId, store, UPDATE_BODY, options);
