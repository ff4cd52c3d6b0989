import { CASE_IMPORT_COLUMNS, MAX_CASE_CONTACTS } from '@/db/enums';

// The case import format (DESIGN §6): headers matched by Chinese name or English alias,
// in any order; unknown columns are kept as extra data.

export const MAX_CONTACTS = MAX_CASE_CONTACTS;

type CaseField = (typeof CASE_IMPORT_COLUMNS)[number]['field'];
type ContactPart = 'name' | 'relation' | 'phone';
export type ColumnField = CaseField | `contact${1 | 2 | 3 | 4 | 5}.${ContactPart}`;

type ColumnDef = { field: ColumnField; zh: string; alias: string; required: boolean };

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

const LOOKUP = new Map<string, ColumnDef>(COLUMNS.flatMap((c) => [[normalise(c.zh), c] as const, [normalise(c.alias), c] as const]));

export type HeaderMap = {
  /** Column index → field, for known columns. */
  fields: Map<number, ColumnField>;
  /** Column index → header text, for columns kept as extra data. */
  extra: Map<number, string>;
  /** The header text as the file wrote it, per column index (for error reports). */
  headers: string[];
};

export type HeaderProblem = { code: 'missingHeaders'; missing: string[] } | { code: 'duplicateHeader'; header: string } | { code: 'noHeader' };

/** Matches a header row to the format; every missing required column is named at once. */
export const matchHeaders = (cells: readonly string[]): HeaderMap | HeaderProblem => {
  const fields = new Map<number, ColumnField>();
  const extra = new Map<number, string>();
  const seen = new Map<ColumnField, string>();
  const headers = cells.map((c) => c.trim());
  for (const [i, header] of headers.entries()) {
    if (header === '') continue;
    const def = LOOKUP.get(normalise(header));
    if (!def) {
      extra.set(i, header);
      continue;
    }
    if (seen.has(def.field)) return { code: 'duplicateHeader', header };
    seen.set(def.field, header);
    fields.set(i, def.field);
  }
  if (fields.size === 0 && extra.size === 0) return { code: 'noHeader' };
  const missing = COLUMNS.filter((c) => c.required && !seen.has(c.field)).map((c) => `${c.zh} (${c.alias})`);
  if (missing.length > 0) return { code: 'missingHeaders', missing };
  return { fields, extra, headers };
};

export const isHeaderProblem = (m: HeaderMap | HeaderProblem): m is HeaderProblem => 'code' in m;

/** The header to name in an error for a field: as the file wrote it, else the format's Chinese name. */
export const columnLabel = (map: HeaderMap, field: ColumnField): string => {
  for (const [i, f] of map.fields) if (f === field) return map.headers[i] ?? field;
  return COLUMNS.find((c) => c.field === field)?.zh ?? field;
};
