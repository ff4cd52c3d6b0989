import type { RestructureKind } from '@/lib/enums';
import { BASIS_POINTS } from '@/lib/rates';
import type { RestructureTerms, ScheduleLine } from '@/db/schema';

// The arithmetic of a restructuring, in integer fen: what the debtor pays under the plan,
// when, and whether the plan stays inside the bands the creditor set on the package.

export type Bands = { maxReductionBp: number; maxInstalments: number };

/** A plan inside the bands starts within this many days; a later start is a deferral, which the creditor decides. */
export const AUTO_START_DAYS = 30;

const daysAfter = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
export type Plan = { total: number; schedule: ScheduleLine[]; isWithinBands: boolean };
export type PlanProblem = 'reductionBp' | 'deferTo' | 'instalments' | 'firstDueDate';

/** The same day n months later, or the month's last day when it is shorter (Jan 31 → Feb 28). */
export const addMonths = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

export const planOf = (
  kind: RestructureKind,
  terms: RestructureTerms,
  overdue: number,
  bands: Bands,
  today: string,
): Plan | PlanProblem => {
  if (kind === 'deferral') {
    if (!terms.deferTo || terms.deferTo <= today) return 'deferTo';
    // The package sets no band for deferrals: the creditor always decides.
    return { total: overdue, schedule: [{ dueDate: terms.deferTo, amount: overdue }], isWithinBands: false };
  }
  if (!terms.firstDueDate || terms.firstDueDate < today) return 'firstDueDate';
  const startsSoon = terms.firstDueDate <= daysAfter(today, AUTO_START_DAYS);
  if (kind === 'reduction') {
    const bp = terms.reductionBp ?? 0;
    if (!(Number.isInteger(bp) && bp > 0 && bp < BASIS_POINTS)) return 'reductionBp';
    const total = Math.round((overdue * (BASIS_POINTS - bp)) / BASIS_POINTS);
    return {
      total,
      schedule: [{ dueDate: terms.firstDueDate, amount: total }],
      isWithinBands: startsSoon && bp <= bands.maxReductionBp,
    };
  }
  const n = terms.instalments ?? 0;
  if (!(Number.isInteger(n) && n >= 2 && n <= 60)) return 'instalments';
  const each = Math.floor(overdue / n);
  // Every instalment is at least one fen.
  if (each < 1) return 'instalments';
  const schedule = Array.from({ length: n }, (_, i) => ({
    dueDate: addMonths(terms.firstDueDate ?? today, i),
    amount: i === n - 1 ? overdue - each * (n - 1) : each,
  }));
  return { total: overdue, schedule, isWithinBands: startsSoon && n <= bands.maxInstalments };
};
