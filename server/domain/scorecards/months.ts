import { DomainError } from '../../errors';
import { shanghaiDate } from '../shared/dates';

// Scorecard months are calendar months in Beijing time (`YYYY-MM`), like every month of
// the money screens.

/** The month `now` falls in, in Beijing. */
export const monthOf = (now: Date) => shanghaiDate(now).slice(0, 7);

/** The month `n` months after `month` (before, for negative `n`). */
export const addMonths = (month: string, n: number) => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** Midnight in Beijing that begins the month. */
export const monthStartsAt = (month: string) => new Date(`${month}-01T00:00:00+08:00`);

/** Refuses a month that has not ended in Beijing: its scorecard is computed after its last day. */
export const requireEnded = (month: string, now: Date) => {
  if (month >= monthOf(now)) throw new DomainError('scorecard.monthOpen', { field: 'month', values: { month } });
};
