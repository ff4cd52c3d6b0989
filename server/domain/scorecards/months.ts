import { DomainError } from '../../errors';
import { monthOf } from '@/lib/months';

// Scorecard months are calendar months in Beijing time (`YYYY-MM`, lib/months.ts), like
// every month of the money screens.

/** Refuses a month that has not ended in Beijing: its scorecard is computed after its last day. */
export const requireEnded = (month: string, now: Date) => {
  if (month >= monthOf(now)) throw new DomainError('scorecard.monthOpen', { field: 'month', values: { month } });
};
