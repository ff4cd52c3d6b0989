import { CASE_UPDATE_COLUMNS, MAX_UPDATE_CONTACTS } from '@/lib/import-formats';
import { columnLabel, headerMatcher, type ColumnDef, type HeaderMap } from './import-columns';
import { LOOKS_LIKE_PII, MAX_PHONES, normalisePhone, yuanToFen, type CellError, type RowErrorCode } from './import-row';

// One row of a creditor's update file (失联修复): a contract number and what changes on its
// case. Checked alone here, like a case file's row (same amounts, phones and contacts);
// what needs the case (it exists, is open, has the number to retire) is judged when it lands.

type BaseField = (typeof CASE_UPDATE_COLUMNS)[number]['field'];
type ContactPart = 'name' | 'relation' | 'phone';
export type UpdateField = BaseField | `contact${1 | 2 | 3}.${ContactPart}`;

const CONTACT_PARTS: { part: ContactPart; zh: string }[] = [
  { part: 'name', zh: '姓名' },
  { part: 'relation', zh: '关系' },
  { part: 'phone', zh: '电话' },
];

export const UPDATE_COLUMNS: readonly ColumnDef<UpdateField>[] = [
  ...CASE_UPDATE_COLUMNS,
  ...Array.from({ length: MAX_UPDATE_CONTACTS }, (_, i) =>
    CONTACT_PARTS.map(({ part, zh }) => ({
      field: `contact${i + 1}.${part}` as UpdateField,
      zh: `联系人${i + 1}${zh}`,
      alias: `contact${i + 1}_${part}`,
      required: false,
    })),
  ).flat(),
];

export const matchUpdateHeaders = headerMatcher(UPDATE_COLUMNS);

export type CaseUpdate = {
  contractNo: string;
  principalOutstanding: number | null;
  amountOverdue: number | null;
  /** Numbers to add to the debtor's, in clear only until sealed. */
  phones: string[];
  /** Numbers the debtor no longer uses. */
  retirePhones: string[];
  address: string | null;
  contacts: { name: string; relation: string; phone: string }[];
};

const LIMITS = { contractNo: 64, address: 200, contactName: 50, contactRelation: 20 };

/** Splits a cell of numbers written with `;` (or the full-width `；`). */
const numbers = (raw: string) =>
  raw
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter(Boolean);

/** Checks one row of an update file against the matched headers; every bad cell is named. */
export const validateUpdateRow = (
  map: HeaderMap<UpdateField>,
  cells: readonly string[],
): { value: CaseUpdate; errors: [] } | { value: null; errors: CellError[] } => {
  const errors: CellError[] = [];
  const byField = new Map<UpdateField, string>();
  for (const [i, field] of map.fields) byField.set(field, (cells[i] ?? '').trim());
  const fail = (field: UpdateField, code: RowErrorCode, values?: CellError['values']) =>
    errors.push({ column: columnLabel(map, field, UPDATE_COLUMNS), code, ...(values ? { values } : {}) });
  const text = (field: UpdateField, max: number): string | null => {
    const v = byField.get(field) ?? '';
    if (v === '') return null;
    if ([...v].length > max) {
      fail(field, 'tooLong', { max });
      return null;
    }
    return v;
  };
  const amount = (field: UpdateField): number | null => {
    const v = byField.get(field) ?? '';
    if (v === '') return null;
    const fen = yuanToFen(v);
    if (fen === null) fail(field, 'amount');
    return fen;
  };
  const phoneList = (field: UpdateField): string[] => {
    const raw = numbers(byField.get(field) ?? '');
    if (raw.length > MAX_PHONES) {
      fail(field, 'tooManyPhones', { max: MAX_PHONES });
      return [];
    }
    const out: string[] = [];
    for (const p of raw) {
      const phone = normalisePhone(p);
      if (!phone) fail(field, 'phone');
      else if (!out.includes(phone)) out.push(phone);
    }
    return out;
  };

  const contractNo = text('contractNo', LIMITS.contractNo);
  if (!contractNo && (byField.get('contractNo') ?? '') === '') fail('contractNo', 'required');
  const principalOutstanding = amount('principalOutstanding');
  const amountOverdue = amount('amountOverdue');
  const phones = phoneList('phone');
  const retirePhones = phoneList('retirePhone');
  const address = text('address', LIMITS.address);

  const contacts: CaseUpdate['contacts'] = [];
  for (let n = 1; n <= MAX_UPDATE_CONTACTS; n += 1) {
    const f = (part: ContactPart) => `contact${n}.${part}` as UpdateField;
    const name = text(f('name'), LIMITS.contactName);
    const relation = text(f('relation'), LIMITS.contactRelation) ?? '';
    const rawPhone = byField.get(f('phone')) ?? '';
    if (!name && !relation && rawPhone === '') continue;
    if (!name || rawPhone === '') {
      fail(name ? f('phone') : f('name'), 'contactIncomplete', { n });
      continue;
    }
    const phone = normalisePhone(rawPhone);
    if (!phone) fail(f('phone'), 'phone');
    else contacts.push({ name, relation, phone });
  }

  // Unknown columns are not kept by an update; a number written in one would be stored
  // nowhere sealed, so it is refused and the creditor told where it goes (DESIGN §5).
  for (const [i, header] of map.extra) {
    const v = (cells[i] ?? '').trim();
    if (v !== '' && LOOKS_LIKE_PII.test(v.replace(/[\s-]/g, '')))
      errors.push({ column: header, code: 'piiInExtra', values: { column: header } });
  }

  if (errors.length > 0 || !contractNo) return { value: null, errors };
  const value: CaseUpdate = {
    contractNo,
    principalOutstanding,
    amountOverdue,
    phones,
    retirePhones,
    address,
    contacts,
  };
  const changesNothing =
    principalOutstanding === null &&
    amountOverdue === null &&
    phones.length === 0 &&
    retirePhones.length === 0 &&
    address === null &&
    contacts.length === 0;
  if (changesNothing)
    return { value: null, errors: [{ column: columnLabel(map, 'contractNo', UPDATE_COLUMNS), code: 'noChange' }] };
  return { value, errors: [] };
};
