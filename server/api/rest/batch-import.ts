import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { Locale } from '@/lib/enums';
import { DomainError } from '../../errors';
import { getTranslate } from '../../i18n/translate';
import { zodFieldErrors } from '../errors';
import type { TImportView } from '../routers/cases/cases.schema';
import type { EndpointContext, Procedures, Reply } from './endpoint';
import { problemOf, type ProblemField } from './problem';

// A JSON batch as the file a creditor would upload (cases to place, changes to cases,
// repayments from its loan system), column for column, run through that file's own import:
// the same row rules, the same sealing, all or nothing, the same job. A small batch is
// answered once it has landed, or with every bad item named by index and field; a large
// one is queued and answered 202 with the import to follow.

/** Batches up to this size are waited for; larger ones are answered 202 at once. */
export const SYNC_BATCH_ITEMS = 2_000;
const SYNC_WAIT_MS = Number(process.env.API_SYNC_WAIT_MS ?? 20_000);
const POLL_MS = 100;

export type BatchKind<T> = {
  item: z.ZodType<T>;
  maxItems: number;
  /** The file's header row and one row per item (aliases of the file format's columns). */
  toFile: (items: readonly T[]) => string;
  /** The file's column → the item's field as a JSON pointer below the item (`/phones`). */
  pointerOf: (column: string) => string;
  /** Further checks of one item the file format alone cannot make (a column name in `extra`). */
  refine?: (item: T, index: number, locale: Locale) => ProblemField[];
  start: (api: Procedures, file: { fileId: string; fileName: string }) => Promise<TImportView>;
  get: (api: Procedures, importId: string) => Promise<TImportView>;
  /** Where the import is followed, under the API's base. */
  path: (importId: string) => string;
  fileName: string;
  /** What the 201 answer calls the rows written: `placed`, `updated`, `recorded`. */
  countKey: string;
};

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
export const csvLine = (cells: readonly string[]) => `${cells.map(quote).join(',')}\r\n`;
/** Fen as the yuan a file writes: 120350 → "1203.50". */
export const yuanOf = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
/** A header of the extra data kept with a case, as a JSON pointer segment. */
export const pointerSegment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

const itemsProblem = (locale: Locale, count: number, errors: ProblemField[], instance: string) => ({
  ...problemOf(locale, new DomainError('api.batchItems', { values: { count } }), instance),
  errors,
});

/** Each item checked for its types; every bad one named by index and field. */
const checkShapes = <T>(kind: BatchKind<T>, locale: Locale, raw: readonly unknown[]) => {
  const items: T[] = [];
  const errors: ProblemField[] = [];
  raw.forEach((item, index) => {
    const parsed = kind.item.safeParse(item);
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
    errors.push(...(kind.refine?.(parsed.data, index, locale) ?? []));
    items.push(parsed.data);
  });
  return { items, errors };
};

/** The import's row errors as the batch's items (the file's row 2 is item 0). */
const importErrors = <T>(kind: BatchKind<T>, locale: Locale, imp: TImportView): ProblemField[] => {
  const t = getTranslate(locale);
  return imp.errors.map((e) => {
    const index = e.row - 2;
    const values = { ...e.values };
    const message =
      (e.code === 'duplicateInFile' || e.code === 'duplicatePayment') && typeof values.row === 'number'
        ? t('apiBatch.duplicateInBatch', { value: String(values.value ?? ''), index: values.row - 2 })
        : t(`import.row.${e.code}`, values);
    const pointer = `/items/${index}${kind.pointerOf(e.column)}`;
    return { pointer, index, field: pointer.split('/').slice(3).join('.'), code: e.code, message };
  });
};

export const runBatch = async <T>(
  kind: BatchKind<T>,
  ctx: EndpointContext<unknown, unknown, { items: unknown[] }>,
): Promise<Reply> => {
  const { api, locale, body, base, instance } = ctx;
  if (body.items.length > kind.maxItems)
    throw new DomainError('api.batchTooLarge', { values: { max: kind.maxItems, count: body.items.length } });
  const { items, errors } = checkShapes(kind, locale, body.items);
  if (errors.length > 0)
    return {
      status: 422,
      body: itemsProblem(locale, new Set(errors.map((e) => e.index)).size, errors, instance),
      isProblem: true,
    };

  const file = await api.files.upload(new Blob([`\uFEFF${kind.toFile(items)}`], { type: 'text/csv' }));
  const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
  let imp = await kind.start(api, { fileId: file.id, fileName: `${kind.fileName}-${stamp}.csv` });
  const ref = (i: TImportView) => ({
    id: i.id,
    status: i.status,
    rowCount: i.rowCount,
    rowsWritten: i.rowsWritten,
    url: `${base}${kind.path(i.id)}`,
  });
  if (items.length <= SYNC_BATCH_ITEMS) {
    const until = Date.now() + SYNC_WAIT_MS;
    while ((imp.status === 'queued' || imp.status === 'running') && Date.now() < until) {
      await sleep(POLL_MS);
      imp = await kind.get(api, imp.id);
    }
  }
  if (imp.status === 'succeeded')
    return {
      status: 201,
      body: { [kind.countKey]: imp.rowsWritten, import: ref(imp), ...(imp.summary ? { summary: imp.summary } : {}) },
    };
  if (imp.status === 'failed') {
    const fileError = imp.fileError
      ? getTranslate(locale)(`import.file.${imp.fileError.code}`, imp.fileError.values)
      : null;
    const problem = itemsProblem(locale, imp.errorCount, importErrors(kind, locale, imp), instance);
    return {
      status: 422,
      body: { ...problem, ...(fileError ? { detail: fileError } : {}), import: ref(imp) },
      isProblem: true,
    };
  }
  return { status: 202, body: { import: ref(imp) }, headers: { Location: ref(imp).url } };
};
