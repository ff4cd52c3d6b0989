import { z } from 'zod';
import { CASE_IMPORT_COLUMNS, MAX_CASE_CONTACTS } from '@/lib/import-formats';
import { matchHeaders } from '../../domain/cases/import-columns';
import { getTranslate } from '../../i18n/translate';
import { csvLine, pointerSegment, yuanOf, type BatchKind } from './batch-import';

// Placing cases as a JSON batch (POST /creditor/cases/batch): the batch becomes the case
// file a creditor uploads and runs through the case import (batch-import.ts).

export const MAX_BATCH_ITEMS = 10_000;

const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(1000);

export const ZPlacementItem = z.strictObject({
  contractNo: text,
  debtorName: text,
  idNumber: text,
  phones: z.array(text).min(1).max(20),
  loanAmount: fen.describe('fen (分)'),
  principalOutstanding: fen.describe('fen (分)'),
  amountOverdue: fen.describe('fen (分)'),
  daysOverdue: z.number().int().min(0).max(100_000),
  loanDate: z.iso.date().optional(),
  product: text.optional(),
  province: text.optional().describe('name or GB/T 2260 code'),
  city: text.optional(),
  address: text.optional(),
  timeZone: text.optional().describe('IANA name; Asia/Shanghai when absent'),
  contacts: z
    .array(z.strictObject({ name: text, relation: text, phone: text }))
    .max(MAX_CASE_CONTACTS)
    .optional(),
  extra: z.record(z.string().min(1).max(100), text).optional().describe('columns kept with the case as they are'),
});
export type TPlacementItem = z.infer<typeof ZPlacementItem>;

/** Items are checked one by one (every bad one named), so the body only says there is a list. */
export const ZBatchBody = z.strictObject({ items: z.array(z.unknown()).min(1) });

const ZImportRef = z.object({
  id: z.string(),
  status: z.string(),
  rowCount: z.number().int(),
  rowsWritten: z.number().int(),
  url: z.string(),
});
export const ZQueued = z.object({ import: ZImportRef });

const FIELD_OF = new Map<string, string>(
  CASE_IMPORT_COLUMNS.map((c) => [c.alias, c.field === 'phone' ? 'phones' : c.field]),
);

const toFile = (items: readonly TPlacementItem[]): string => {
  const extraKeys = [...new Set(items.flatMap((i) => Object.keys(i.extra ?? {})))];
  const contactCount = Math.max(0, ...items.map((i) => i.contacts?.length ?? 0));
  const contactHeaders = Array.from({ length: contactCount }, (_, n) =>
    ['name', 'relation', 'phone'].map((part) => `contact${n + 1}_${part}`),
  ).flat();
  const header = csvLine([...CASE_IMPORT_COLUMNS.map((c) => c.alias), ...contactHeaders, ...extraKeys]);
  const rows = items.map((i) => {
    const base: Record<string, string> = {
      contract_no: i.contractNo,
      debtor_name: i.debtorName,
      id_number: i.idNumber,
      phone: i.phones.join(';'),
      loan_amount: yuanOf(i.loanAmount),
      principal_outstanding: yuanOf(i.principalOutstanding),
      amount_overdue: yuanOf(i.amountOverdue),
      days_overdue: String(i.daysOverdue),
      loan_date: i.loanDate ?? '',
      product: i.product ?? '',
      province: i.province ?? '',
      city: i.city ?? '',
      address: i.address ?? '',
      time_zone: i.timeZone ?? '',
    };
    const contacts = Array.from({ length: contactCount }, (_, n) => {
      const c = i.contacts?.[n];
      return [c?.name ?? '', c?.relation ?? '', c?.phone ?? ''];
    }).flat();
    return csvLine([
      ...CASE_IMPORT_COLUMNS.map((c) => base[c.alias] ?? ''),
      ...contacts,
      ...extraKeys.map((k) => i.extra?.[k] ?? ''),
    ]);
  });
  return header + rows.join('');
};

export const PLACEMENT: BatchKind<TPlacementItem> = {
  item: ZPlacementItem,
  maxItems: MAX_BATCH_ITEMS,
  toFile,
  pointerOf: (column) => {
    const field = FIELD_OF.get(column);
    if (field) return `/${field}`;
    const contact = /^contact(\d)_(name|relation|phone)$/.exec(column);
    if (contact) return `/contacts/${Number(contact[1]) - 1}/${contact[2]}`;
    return `/extra/${pointerSegment(column)}`;
  },
  // An extra column named like a case column would be read as that column.
  refine: (item, index, locale) =>
    Object.keys(item.extra ?? {})
      .filter((key) => {
        const map = matchHeaders([key]);
        return 'fields' in map && map.fields.size > 0;
      })
      .map((key) => ({
        pointer: `/items/${index}/extra/${pointerSegment(key)}`,
        index,
        field: `extra.${key}`,
        message: getTranslate(locale)('apiBatch.extraIsColumn', { key }),
      })),
  start: (api, file) => api.cases.imports.start(file),
  get: (api, importId) => api.cases.imports.get({ importId }),
  path: (id) => `/creditor/imports/${id}`,
  fileName: 'api-cases',
  countKey: 'placed',
};
