// Calendar months in Beijing time as `YYYY-MM`: the months of statements, disclosures,
// dashboards and scorecards.
import { shanghaiDate, shanghaiInstant } from './dates';

/** A month typed or sent as `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month `at` falls in, in Beijing. */
export const monthOf = (at: Date): string => shanghaiDate(at).slice(0, 7);

/** The month `n` months after `month` (before, for negative `n`). */
export const addMonths = (month: string, n: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** The month `offset` months from the one `now` falls in, in Beijing (0: this month, -1: last month). */
export const shanghaiMonth = (offset = 0, now = new Date()): string => addMonths(monthOf(now), offset);

/** A month as a running count (year × 12 + month − 1), so that months subtract. */
export const monthIndex = (month: string): number => {
  const [y, m] = month.split('-').map(Number);
  return (y ?? 0) * 12 + (m ?? 1) - 1;
};

/** The last day of a `YYYY-MM` month, `YYYY-MM-DD`. */
export const monthEnd = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${month}-${String(last).padStart(2, '0')}`;
};

/** Midnight in Beijing that begins the month. */
export const monthStartsAt = (month: string): Date => shanghaiInstant(`${month}-01T00:00:00`);
