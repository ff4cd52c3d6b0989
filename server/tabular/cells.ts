import { shanghaiDayNumber } from '@/lib/dates';
import { bpToPercent, formatDateTime } from '@/lib/format';

// What a cell of a written spreadsheet holds. Text stays text; amounts, counts, days,
// instants and rates are numbers a finance user can sum and sort: in XLSX numeric cells
// with a display format (¥#,##0.00, #,##0, yyyy-mm-dd, 0.00%), in CSV their plain text.

export type Cell =
  | string
  | { kind: 'money'; fen: number | bigint }
  | { kind: 'count'; value: number }
  | { kind: 'tenths'; value: number }
  | { kind: 'day'; day: string }
  | { kind: 'at'; at: Date }
  | { kind: 'percent'; bp: number }
  | { kind: 'heading'; text: string };
export type Row = readonly Cell[];

/** An amount of integer fen, written as yuan with two decimals. */
export const money = (fen: number | bigint | null | undefined): Cell => (fen == null ? '' : { kind: 'money', fen });
/** A whole number (cases, days overdue, lines). */
export const count = (value: number | null | undefined): Cell => (value == null ? '' : { kind: 'count', value });
/** A figure with one decimal (flags per 1,000 cases). */
export const tenths = (value: number | null | undefined): Cell => (value == null ? '' : { kind: 'tenths', value });
/** A calendar day `YYYY-MM-DD`. */
export const day = (d: string | null | undefined): Cell => (d ? { kind: 'day', day: d } : '');
/** An instant, shown in Beijing time. */
export const at = (d: Date | null | undefined): Cell => (d ? { kind: 'at', at: d } : '');
/** A rate in basis points (2,850 = 28.50%). */
export const percent = (bp: number | null | undefined): Cell => (bp == null ? '' : { kind: 'percent', bp });
/** A title or a column header (bold in XLSX). */
export const heading = (text: string): Cell => ({ kind: 'heading', text });

/** Integer fen as exact yuan text with two decimals, never through floating point. */
export const yuanText = (fen: number | bigint): string => {
  const v = BigInt(fen);
  const abs = v < 0n ? -v : v;
  return `${v < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
};

/** The cell as CSV and screens write it: yuan `1234.50`, `28.5%`, `2026-10-01`, Beijing `YYYY-MM-DD HH:mm:ss`. */
export const cellText = (c: Cell): string => {
  if (typeof c === 'string') return c;
  switch (c.kind) {
    case 'money':
      return yuanText(c.fen);
    case 'count':
      return String(c.value);
    case 'tenths':
      return c.value.toFixed(1);
    case 'day':
      return c.day;
    case 'at':
      return formatDateTime(c.at);
    case 'percent':
      return `${bpToPercent(c.bp)}%`;
    case 'heading':
      return c.text;
  }
};

// Spreadsheet serial days count from 1899-12-30; 1970-01-01 is 25,569.
const EPOCH_SERIAL = 25_569;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The number an XLSX cell stores, or null for text. */
export const cellNumber = (c: Cell): string | null => {
  if (typeof c === 'string') return null;
  switch (c.kind) {
    case 'money':
      return yuanText(c.fen);
    case 'count':
    case 'tenths':
      return String(c.value);
    case 'day':
      return String(
        Date.UTC(+c.day.slice(0, 4), +c.day.slice(5, 7) - 1, +c.day.slice(8, 10)) / 86_400_000 + EPOCH_SERIAL,
      );
    case 'at': {
      const ms = c.at.getTime();
      const whole = shanghaiDayNumber(ms);
      const fraction = (ms + SHANGHAI_OFFSET_MS - whole * 86_400_000) / 86_400_000;
      return (whole + EPOCH_SERIAL + fraction).toFixed(8);
    }
    case 'percent':
      return String(c.bp / 10_000);
    case 'heading':
      return null;
  }
};
