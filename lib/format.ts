// Display formats (DESIGN §8), the same in the browser and in exported files: dates YYYY-MM-DD,
// times in Asia/Shanghai, amounts ¥1,234.56.
import { SHANGHAI_TIME_ZONE, shanghaiDate } from './dates';

const parts = (d: Date, timeZone = SHANGHAI_TIME_ZONE) => {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value])) as Record<string, string>;
};

export const formatDate = (d: Date | null | undefined): string => (d ? shanghaiDate(d) : '—');

/** `YYYY-MM-DD HH:mm:ss`, Beijing time unless another zone is given (a debtor abroad). */
export const formatDateTime = (d: Date | null | undefined, timeZone?: string): string => {
  if (!d) return '—';
  const p = parts(d, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
};

/** Integer fen to ¥ with two decimals; never through floating point. */
export const formatFen = (fen: bigint | number): string => {
  const v = BigInt(fen);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
};

/**
 * Fen as plain yuan with two decimals (`123450` → `1234.50`): spreadsheet cells and message
 * values. The division is in floating point yet exact: below ¥45 trillion the quotient lies
 * within a hair of the two-decimal result, so toFixed(2) rounds to it.
 */
export const fenToYuan = (fen: number): string => (fen / 100).toFixed(2);

/** Fen as a number of yuan, for chart scales. */
export const yuanOf = (fen: number): number => fen / 100;

/**
 * Parses a decimal amount typed by a person into integer fen without floating point:
 * `unit` is how many fen one typed unit is worth (100 for yuan, 1,000,000 for 万元).
 * Returns null for anything that is not a plain non-negative decimal.
 */
export const parseAmountToFen = (typed: string, unit: 100 | 1_000_000 = 100): number | null => {
  const s = typed.trim().replaceAll(',', '');
  const decimals = unit === 100 ? 2 : 6;
  const m = new RegExp(`^(\\d{1,13})(?:\\.(\\d{1,${decimals}}))?$`).exec(s);
  if (!m) return null;
  const whole = BigInt(m[1] ?? '0');
  const frac = (m[2] ?? '').padEnd(decimals, '0');
  const fen = whole * BigInt(unit) + BigInt(frac);
  return fen <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(fen) : null;
};

/** Fen back to the typed unit, exactly (no trailing zeros). */
export const fenToAmount = (fen: number, unit: 100 | 1_000_000 = 100): string => {
  const v = BigInt(fen);
  const u = BigInt(unit);
  const frac = (v % u)
    .toString()
    .padStart(unit === 100 ? 2 : 6, '0')
    .replace(/0+$/, '');
  return frac ? `${v / u}.${frac}` : `${v / u}`;
};

/** "18.5" (%) → 1850 basis points; null when not a percentage with up to 2 decimals. */
export const parsePercentToBp = (typed: string): number | null => {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(typed.trim());
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
};

export const bpToPercent = (bp: number): string => fenToAmount(bp, 100);

/** Basis points as a percentage with two decimals always (`2500` → `25.00`), for columns of rates. */
export const bpToFixedPercent = (bp: number): string => (bp / 100).toFixed(2);

/** File sizes in binary units, one decimal from KB up. */
export const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
};
