import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { CASE_IMPORT_COLUMNS } from '@/lib/import-formats';
import type { Locale } from '@/lib/enums';
import { matchHeaders } from '../../domain/cases/import-columns';
import { MAX_CASE_CONTACTS } from '@/lib/import-formats';
import { DomainError } from '../../errors';
import { getTranslate } from '../../i18n/translate';
import { zodFieldErrors } from '../errors';
import type { TImportView } from '../routers/cases/cases.schema';
import type { EndpointContext, Reply } from './endpoint';
import { problemOf, type ProblemField } from './problem';

// Placing cases as a JSON batch (POST /creditor/cases/batch). The batch becomes the same
// case file a creditor uploads, column for column, and runs through the same import: the
// same row rules, the same sealing of ID and phone numbers, all or nothing. A small batch
// is answered when it has landed (or with every bad item named by index and field); a
// large one is queued and answered 202 with the import to follow.

export const MAX_BATCH_ITEMS = 10_000;
/** Batches up to this size are waited for; larger ones are answered 202 at once. */
export const SYNC_BATCH_ITEMS = 2_000;
const SYNC_WAIT_MS = Number(process.env.API_SYNC_WAIT_MS ?? 20_000);
const POLL_MS = 100;

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

export const ZPlacementBody = z.strictObject({ items: z.array(z.unknown()).min(1) });

const ZImportRef = z.object({
  id: z.string(),
  status: z.string(),
  rowCount: z.number().int(),
  rowsWritten: z.number().int(),
  url: z.string(),
});
export const ZPlaced = z.object({ placed: z.number().int(), import: ZImportRef });
export const ZQueued = z.object({ import: ZImportRef });

const yuan = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;
const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const line = (cells: readonly string[]) => `${cells.map(quote).join(',')}\r\n`;

const ALIAS_FIELD = new Map<string, string>(
  CASE_IMPORT_COLUMNS.map((c) => [c.alias, c.field === 'phone' ? 'phones' : c.field]),
);

/** The column of the generated file → the item's field, as a JSON pointer below the item. */
const pointerOfColumn = (column: string): string => {
  const field = ALIAS_FIELD.get(column);
  if (field) return `/${field}`;
  const contact = /^contact(\d)_(name|relation|phone)$/.exec(column);
  if (contact) return `/contacts/${Number(contact[1]) - 1}/${contact[2]}`;
  return `/extra/${column.replaceAll('~', '~0').replaceAll('/', '~1')}`;
};

/** The items as the case file the screens import: English headers, yuan amounts, phones joined by semicolons. */
export const batchAsCsv = (items: readonly TPlacementItem[]): string => {
  const extraKeys = [...new Set(items.flatMap((i) => Object.keys(i.extra ?? {})))];
  const contactCount = Math.max(0, ...items.map((i) => i.contacts?.length ?? 0));
  const headers = [
    ...CASE_IMPORT_COLUMNS.map((c) => c.alias),
    ...Array.from({ length: contactCount }, (_, n) => [
      `contact${n + 1}_name`,
      `contact${n + 1}_relation`,
      `contact${n + 1}_phone`,
    ]).flat(),
    ...extraKeys,
  ];
  const rows = items.map((i) => {
    const base: Record<string, string> = {
      contract_no: i.contractNo,
      debtor_name: i.debtorName,
      id_number: i.idNumber,
      phone: i.phones.join(';'),
      loan_amount: yuan(i.loanAmount),
      principal_outstanding: yuan(i.principalOutstanding),
      amount_overdue: yuan(i.amountOverdue),
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
    return line([
      ...CASE_IMPORT_COLUMNS.map((c) => base[c.alias] ?? ''),
      ...contacts,
      ...extraKeys.map((k) => i.extra?.[k] ?? ''),
    ]);
  });
  return `\uFEFF${line(headers)}${rows.join('')}`;
};

/** Each item checked for its types; every bad one named by index and field. */
const checkShapes = (locale: Locale, raw: readonly unknown[]) => {
  const items: TPlacementItem[] = [];
  const errors: ProblemField[] = [];
  raw.forEach((item, index) => {
    const parsed = ZPlacementItem.safeParse(item);
    if (!parsed.success) {
      // Unknown fields are named each on their own; the item-level line naming them all is left out.
      const named = Object.entries(zodFieldErrors(locale, parsed.error).fieldErrors).filter(
        ([field], _, all) => field !== '_' || all.length === 1,
      );
      for (const [field, messages] of named)
        for (const message of messages)
          errors.push({
            pointer: field === '_' ? `/items/${index}` : `/items/${index}/${field.split('.').join('/')}`,
            index,
            field,
            message,
          });
      return;
    }
    // An extra column named like a case column would be read as that column.
    for (const key of Object.keys(parsed.data.extra ?? {})) {
      const map = matchHeaders([key]);
      if ('fields' in map && map.fields.size > 0)
        errors.push({
          pointer: `/items/${index}/extra/${key}`,
          index,
          field: `extra.${key}`,
          message: getTranslate(locale)('apiBatch.extraIsColumn', { key }),
        });
    }
    items.push(parsed.data);
  });
  return { items, errors };
};

const itemsProblem = (locale: Locale, count: number, errors: ProblemField[], instance: string) => ({
  ...problemOf(locale, new DomainError('api.batchItems', { values: { count } }), instance),
  errors,
});

/** The import's row errors as the batch's items. */
const importErrors = (locale: Locale, imp: TImportView): ProblemField[] => {
  const t = getTranslate(locale);
  return imp.errors.map((e) => {
    const index = e.row - 2;
    const values = { ...e.values };
    const message =
      e.code === 'duplicateInFile' && typeof values.row === 'number'
        ? t('apiBatch.duplicateInBatch', { value: String(values.value ?? ''), index: values.row - 2 })
        : t(`import.row.${e.code}`, values);
    const pointer = `/items/${index}${pointerOfColumn(e.column)}`;
    return { pointer, index, field: pointer.split('/').slice(3).join('.'), code: e.code, message };
  });
};

type PlaceContext = EndpointContext<unknown, unknown, z.infer<typeof ZPlacementBody>>;

export const placeBatch = async (ctx: PlaceContext): Promise<Reply> => {
  const { api, locale, body, base, instance } = ctx;
  if (body.items.length > MAX_BATCH_ITEMS)
    throw new DomainError('api.batchTooLarge', { values: { max: MAX_BATCH_ITEMS, count: body.items.length } });
  const { items, errors } = checkShapes(locale, body.items);
  const bad = new Set(errors.map((e) => e.index)).size;
  if (errors.length > 0) return { status: 422, body: itemsProblem(locale, bad, errors, instance), isProblem: true };

  const file = await api.files.upload(new Blob([batchAsCsv(items)], { type: 'text/csv' }));
  const started = await api.cases.imports.start({
    fileId: file.id,
    fileName: `api-batch-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}.csv`,
  });
  const ref = (imp: TImportView) => ({
    id: imp.id,
    status: imp.status,
    rowCount: imp.rowCount,
    rowsWritten: imp.rowsWritten,
    url: `${base}/creditor/imports/${imp.id}`,
  });
  let imp: TImportView = started;
  if (items.length <= SYNC_BATCH_ITEMS) {
    const until = Date.now() + SYNC_WAIT_MS;
    while ((imp.status === 'queued' || imp.status === 'running') && Date.now() < until) {
      await sleep(POLL_MS);
      imp = await api.cases.imports.get({ importId: imp.id });
    }
  }
  if (imp.status === 'succeeded') return { status: 201, body: { placed: imp.rowsWritten, import: ref(imp) } };
  if (imp.status === 'failed') {
    const fileError = imp.fileError
      ? getTranslate(locale)(`import.file.${imp.fileError.code}`, imp.fileError.values)
      : null;
    const problem = itemsProblem(locale, imp.errorCount, importErrors(locale, imp), instance);
    return {
      status: 422,
      body: { ...problem, ...(fileError ? { detail: fileError } : {}), import: ref(imp) },
      isProblem: true,
    };
  }
  return { status: 202, body: { import: ref(imp) }, headers: { Location: ref(imp).url } };
};
