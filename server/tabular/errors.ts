// File-level problems of a spreadsheet, before any row can be judged. The importer turns
// each into a translated message (`import.file.<code>`).
export const TABLE_ERROR_CODES = [
  'empty',
  'encodingUnsupported',
  'encodingUnknown',
  'rowTooLong',
  'notSpreadsheet',
  'unpackedTooLarge',
  'noSheet',
  'tooManyColumns',
  'malformed',
  'tooManyRows',
] as const;
export type TableErrorCode = (typeof TABLE_ERROR_CODES)[number];

export class TableError extends Error {
  constructor(
    readonly code: TableErrorCode,
    readonly row?: number,
  ) {
    super(`table: ${code}${row ? ` (row ${row})` : ''}`);
  }
}

/** One row of a sheet: its number as the spreadsheet shows it (the header is row 1) and its cells as text. */
export type TableRow = { row: number; cells: string[] };

export type TableSource = {
  format: 'csv' | 'xlsx';
  /** The text encoding found (CSV only). */
  encoding: string | null;
  rows: AsyncIterable<TableRow>;
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: () => number;
  totalBytes: number;
};

/** The longest cell or CSV record accepted; a longer one is refused rather than buffered. */
export const MAX_RECORD_BYTES = 1024 * 1024;
