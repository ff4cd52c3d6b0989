import { CASE_IMPORT_COLUMNS, MAX_CASE_CONTACTS } from '@/lib/import-formats';

// The case import format (DESIGN §6): headers matched by Chinese name or English alias,
// in any order; unknown columns are kept as extra data.

export const MAX_CONTACTS = MAX_CASE_CONTACTS;

type CaseField = (typeof CASE_IMPORT_COLUMNS)[number]['field'];
type ContactPart = 'name' | 'relation' | 'phone';
export type ColumnField = CaseField | `contact${1 | 2 | 3 | 4 | 5}.${ContactPart}`;

export type ColumnDef<F extends string = ColumnField> = { field: F; zh: string; alias: string; required: boolean };

const BASE: readonly ColumnDef[] = CASE_IMPORT_COLUMNS;

const CONTACT_PARTS: { part: ContactPart; zh: string }[] = [
  { part: 'name', zh: '姓名' },
  { part: 'relation', zh: '关系' },
  { part: 'phone', zh: '电话' },
];

export const COLUMNS: readonly ColumnDef[] = [
  ...BASE,
  ...Array.from({ length: MAX_CONTACTS }, (_, i) =>
    CONTACT_PARTS.map(({ part, zh }) => ({
      field: `contact${i + 1}.${part}` as ColumnField,
      zh: `联系人${i + 1}${zh}`,
      alias: `contact${i + 1}_${part}`,
      required: false,
    })),
  ).flat(),
];

/** Headers compare without case, spaces, underscores or full-width forms: "Contract No" = "contract_no". */
const normalise = (header: string) =>
  header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\s_\-()（）]/g, '')
    .toLowerCase();

export type HeaderMap<F extends string = ColumnField> = {
  /** Column index → field, for known columns. */
  fields: Map<number, F>;
  /** Column index → header text, for columns kept as extra data. */
  extra: Map<number, string>;
  /** The header text as the file wrote it, per column index (for error reports). */
  headers: string[];
};

export type HeaderProblem =
  { code: 'missingHeaders'; missing: string[] } | { code: 'duplicateHeader'; header: string } | { code: 'noHeader' };

/** A matcher of header rows to a file format; every missing required column is named at once. */
export const headerMatcher = <F extends string>(columns: readonly ColumnDef<F>[]) => {
  const lookup = new Map<string, ColumnDef<F>>(
    columns.flatMap((c) => [[normalise(c.zh), c] as const, [normalise(c.alias), c] as const]),
  );
  return (cells: readonly string[]): HeaderMap<F> | HeaderProblem => matchWith(columns, lookup, cells);
};

const matchWith = <F extends string>(
  columns: readonly ColumnDef<F>[],
  lookup: Map<string, ColumnDef<F>>,
  cells: readonly string[],
): HeaderMap<F> | HeaderProblem => {
  const fields = new Map<number, F>();
  const extra = new Map<number, string>();
  const seen = new Map<F, string>();
  const headers = cells.map((c) => c.trim());
  for (const [i, header] of headers.entries()) {
    if (header === '') continue;
    const def = lookup.get(normalise(header));
    if (!def) {
      extra.set(i, header);
      continue;
    }
    if (seen.has(def.field)) return { code: 'duplicateHeader', header };
    seen.set(def.field, header);
    fields.set(i, def.field);
  }
  if (fields.size === 0 && extra.size === 0) return { code: 'noHeader' };
  const missing = columns.filter((c) => c.required && !seen.has(c.field)).map((c) => `${c.zh} (${c.alias})`);
  if (missing.length > 0) return { code: 'missingHeaders', missing };
  return { fields, extra, headers };
};

/** The case file's header matcher (DESIGN §6). */
export const matchHeaders = headerMatcher(COLUMNS);

export const isHeaderProblem = <F extends string>(m: HeaderMap<F> | HeaderProblem): m is HeaderProblem => 'code' in m;

/** The header to name in an error for a field: as the file wrote it, else the format's Chinese name. */
export const columnLabel = <F extends string>(
  map: HeaderMap<F>,
  field: F,
  columns: readonly ColumnDef<F>[] = COLUMNS as readonly ColumnDef<never>[],
): string => {
  for (const [i, f] of map.fields) if (f === field) return map.headers[i] ?? field;
  return columns.find((c) => c.field === field)?.zh ?? field;
};
