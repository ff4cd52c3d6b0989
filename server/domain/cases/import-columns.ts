// The case import format (DESIGN §6): headers matched by Chinese name or English alias,
// in any order; unknown columns are kept as extra data.

export const MAX_CONTACTS = 5;

export const CASE_FIELDS = [
  'contractNo',
  'debtorName',
  'idNumber',
  'phone',
  'loanAmount',
  'principalOutstanding',
  'amountOverdue',
  'daysOverdue',
  'loanDate',
  'product',
  'province',
  'city',
  'address',
] as const;
type CaseField = (typeof CASE_FIELDS)[number];
type ContactPart = 'name' | 'relation' | 'phone';
export type ColumnField = CaseField | `contact${1 | 2 | 3 | 4 | 5}.${ContactPart}`;

type ColumnDef = { field: ColumnField; zh: string; alias: string; required: boolean };

const BASE: ColumnDef[] = [
  { field: 'contractNo', zh: '合同编号', alias: 'contract_no', required: true },
  { field: 'debtorName', zh: '借款人姓名', alias: 'debtor_name', required: true },
  { field: 'idNumber', zh: '身份证号', alias: 'id_number', required: true },
  { field: 'phone', zh: '手机号', alias: 'phone', required: true },
  { field: 'loanAmount', zh: '放款金额', alias: 'loan_amount', required: true },
  { field: 'principalOutstanding', zh: '剩余本金', alias: 'principal_outstanding', required: true },
  { field: 'amountOverdue', zh: '逾期本息合计', alias: 'amount_overdue', required: true },
  { field: 'daysOverdue', zh: '逾期天数', alias: 'days_overdue', required: true },
  { field: 'loanDate', zh: '放款日期', alias: 'loan_date', required: false },
  { field: 'product', zh: '产品类型', alias: 'product', required: false },
  { field: 'province', zh: '省份', alias: 'province', required: false },
  { field: 'city', zh: '城市', alias: 'city', required: false },
  { field: 'address', zh: '地址', alias: 'address', required: false },
];

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
