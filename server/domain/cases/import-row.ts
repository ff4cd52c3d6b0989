import { isValidIdNumber, normalizeIdNumber } from '@/db/validators/id-number';
import { columnLabel, MAX_CONTACTS, type ColumnField, type HeaderMap } from './import-columns';
import { isValidTimeZone } from '../rules/zone';
import { provinceCode } from './regions';

// Row rules of the case import (DESIGN §5, §6). Each rule names its column; a row may have
// several errors and all of them are reported.

export const ROW_ERROR_CODES = [
  'required',
  'tooLong',
  'idNumber',
  'phone',
  'tooManyPhones',
  'amount',
  'amountNotPositive',
  'days',
  'date',
  'dateInFuture',
  'province',
  'contactIncomplete',
  'duplicateInFile',
  'duplicateExisting',
  'piiInExtra',
  'timeZone',
  // Repayment files.
  'channel',
  'duplicatePayment',
  'caseNotFound',
  'ambiguousMatch',
  'exceedsBalance',
  'caseRequired',
  'paymentRef',
  'paymentRefUnknown',
  'paymentRefOtherCase',
  // Update files.
  'noChange',
  'caseNotOpen',
  'phoneExists',
  'phoneNotOnCase',
  'belowRepaid',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
export type CellError = { column: string; code: RowErrorCode; values?: Record<string, string | number> };

export type CaseInput = {
  contractNo: string;
  debtorName: string;
  idNumber: string;
  phones: string[];
  loanAmount: number;
  principalOutstanding: number;
  amountOverdue: number;
  /** As of the day the file was uploaded. */
  daysOverdue: number;
  loanDate: string | null;
  product: string | null;
  province: string | null;
  city: string | null;
  address: string | null;
  timeZone: string | null;
  contacts: { name: string; relation: string; phone: string }[];
  extra: Record<string, string>;
};

const MOBILE = /^1[3-9]\d{9}$/;
/** A mainland mobile or an 18-character ID number anywhere in a value. */
export const LOOKS_LIKE_PII = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)/;
export const MAX_PHONES = 5;
/** ¥10 billion: above any single consumer or SME loan, and far inside bigint fen. */
const MAX_YUAN_DIGITS = 11;
const LIMITS = {
  contractNo: 64,
  debtorName: 50,
  product: 50,
  city: 50,
  address: 200,
  contactName: 50,
  contactRelation: 20,
  extra: 500,
};

/** "1,234.5" or "¥1234.50" → 123450 fen; null when it is not an amount in yuan with at most 2 decimals. */
export const yuanToFen = (raw: string): number | null => {
  const v = raw
    .trim()
    .replace(/^[¥￥]/, '')
    .replaceAll(',', '');
  const m = new RegExp(`^(\\d{1,${MAX_YUAN_DIGITS}})(?:\\.(\\d{1,2}))?$`).exec(v);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
};

/** Mainland mobile numbers, written with spaces, dashes or a +86 prefix. */
export const normalisePhone = (raw: string): string | null => {
  const v = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE.test(v) ? v : null;
};

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `YYYY-MM-DD`, `YYYY/M/D` or an Excel date serial → `YYYY-MM-DD`; null when not a real date. */
export const parseDate = (raw: string): string | null => {
  const v = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  const ymd = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(v);
  if (ymd) {
    [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  } else if (/^\d{5}$/.test(v)) {
    const date = new Date(EXCEL_EPOCH + Number(v) * 86_400_000);
    [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1970 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** Validates one data row against the matched headers; `today` is `YYYY-MM-DD` in Asia/Shanghai. */
export const validateRow = (
  map: HeaderMap,
  cells: readonly string[],
  today: string,
): { value: CaseInput; errors: [] } | { value: null; errors: CellError[] } => {
  const errors: CellError[] = [];
  const byField = new Map<ColumnField, string>();
  for (const [i, field] of map.fields) byField.set(field, (cells[i] ?? '').trim());
  const fail = (field: ColumnField, code: RowErrorCode, values?: CellError['values']) => {
    errors.push({ column: columnLabel(map, field), code, ...(values ? { values } : {}) });
  };
  const text = (field: ColumnField, max: number, required: boolean): string | null => {
    const v = byField.get(field) ?? '';
    if (v === '') {
      if (required) fail(field, 'required');
      return null;
    }
    if ([...v].length > max) {
      fail(field, 'tooLong', { max });
      return null;
    }
    return v;
  };
  const amount = (field: ColumnField, positive: boolean): number => {
    const v = byField.get(field) ?? '';
    if (v === '') {
      fail(field, 'required');
      return 0;
    }
    const fen = yuanToFen(v);
    if (fen === null) fail(field, 'amount');
    else if (positive && fen === 0) fail(field, 'amountNotPositive');
    return fen ?? 0;
  };

  const contractNo = text('contractNo', LIMITS.contractNo, true);
  const debtorName = text('debtorName', LIMITS.debtorName, true);

  const rawId = byField.get('idNumber') ?? '';
  const idNumber = normalizeIdNumber(rawId);
  if (rawId === '') fail('idNumber', 'required');
  else if (!isValidIdNumber(idNumber)) fail('idNumber', 'idNumber');

  const phones: string[] = [];
  const rawPhones = (byField.get('phone') ?? '')
    .split(/[;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (rawPhones.length === 0) fail('phone', 'required');
  else if (rawPhones.length > MAX_PHONES) fail('phone', 'tooManyPhones', { max: MAX_PHONES });
  else
    for (const p of rawPhones) {
      const phone = normalisePhone(p);
      if (phone) {
        if (!phones.includes(phone)) phones.push(phone);
      } else fail('phone', 'phone');
    }

  const loanAmount = amount('loanAmount', true);
  const principalOutstanding = amount('principalOutstanding', false);
  const amountOverdue = amount('amountOverdue', true);

  const rawDays = byField.get('daysOverdue') ?? '';
  const daysOverdue = /^\d{1,5}$/.test(rawDays) ? Number(rawDays) : NaN;
  if (rawDays === '') fail('daysOverdue', 'required');
  else if (!(daysOverdue >= 1 && daysOverdue <= 36_500)) fail('daysOverdue', 'days');

  let loanDate: string | null = null;
  const rawDate = byField.get('loanDate') ?? '';
  if (rawDate !== '') {
    loanDate = parseDate(rawDate);
    if (!loanDate) fail('loanDate', 'date');
    else if (loanDate > today) fail('loanDate', 'dateInFuture');
  }

  let province: string | null = null;
  const rawProvince = byField.get('province') ?? '';
  if (rawProvince !== '') {
    province = provinceCode(rawProvince);
    if (!province) fail('province', 'province');
  }

  const contacts: CaseInput['contacts'] = [];
  for (let n = 1; n <= MAX_CONTACTS; n += 1) {
    const f = (part: 'name' | 'relation' | 'phone') => `contact${n}.${part}` as ColumnField;
    const name = text(f('name'), LIMITS.contactName, false);
    const relation = text(f('relation'), LIMITS.contactRelation, false) ?? '';
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

  // Extra columns are kept as they are, so they must not carry what DESIGN §5 requires to
  // be encrypted: a phone or ID number there is refused and the creditor told where it goes.
  const extra: Record<string, string> = {};
  for (const [i, header] of map.extra) {
    const v = (cells[i] ?? '').trim();
    if (v === '') continue;
    if (LOOKS_LIKE_PII.test(v.replace(/[\s-]/g, '')))
      errors.push({ column: header, code: 'piiInExtra', values: { column: header } });
    else extra[header] = v.slice(0, LIMITS.extra);
  }

  let timeZone: string | null = null;
  const rawZone = byField.get('timeZone') ?? '';
  if (rawZone !== '') {
    if (isValidTimeZone(rawZone) && rawZone.includes('/')) timeZone = rawZone;
    else fail('timeZone', 'timeZone');
  }

  const product = text('product', LIMITS.product, false);
  const city = text('city', LIMITS.city, false);
  const address = text('address', LIMITS.address, false);

  if (errors.length > 0 || !contractNo || !debtorName) return { value: null, errors };
  return {
    value: {
      contractNo,
      debtorName,
      idNumber,
      phones,
      loanAmount,
      principalOutstanding,
      amountOverdue,
      daysOverdue,
      loanDate,
      product,
      province,
      city,
      address,
      timeZone,
      contacts,
      extra,
    },
    errors: [],
  };
};
