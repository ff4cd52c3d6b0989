import {
  CREDITOR_SCORECARD_COMPONENTS,
  CREDITOR_SCORECARD_WEIGHTS,
  STATEMENT_PAYMENT_WORKING_DAYS,
  type CreditorScorecardComponent,
} from '@/lib/scorecards';

// The monthly creditor scorecard, formula version 1: a pure function of the month's
// inputs, stored with every card, so anyone holding them computes the same score again.
// Every number here is plain JSON (no dates, no database types), and every score is an
// integer in basis points of 100 (10000 = 100.00 points).
//
// Components and weights (lib/scorecards.ts, adding up to 100):
// - data quality of the case files 40: the agencies that worked the creditor's cases in the
//   month rate it 1–5 (wrong numbers, missing contacts, stale balances); 1 → 0, 3 → 50,
//   5 → 100, averaged over the ratings given.
// - answers on time 30: of the answers the creditor owed that fell due in the month, the
//   share given by their deadline. Today these are restructure requests outside the
//   package's bands, which the creditor decides within 3 working days
//   (server/domain/work/restructure.ts); a request that expired undecided is late. Each
//   kind of answer keeps its own count in `answers`, and every kind counts alike, so
//   another kind (a debtor's dispute with an answer deadline) is one more count.
// - statements paid on time 30: of the monthly statements whose payment fell due in the
//   month, the share paid by then. Payment is due by the end of the 10th working day
//   (STATEMENT_PAYMENT_WORKING_DAYS, working calendar of server/domain/calendar, Beijing
//   days) after the day the second side agreed the statement; one unpaid then is late.
// Recent months weigh more, as on agency scorecards: the score shown is this month's score
// and the two before it, 3 : 2 : 1, over the months that have a card.
//
// When a component has nothing to measure: the rating, a judgement nobody made, takes the
// midpoint, 50; the two obligations (answers, payments) take full marks, since nothing fell
// due. A creditor with nothing rated or due in a month scores 40 × 0.5 + 30 + 30 = 80.

export const CREDITOR_FORMULA_VERSION = 1;

export const CREDITOR_WEIGHTS = CREDITOR_SCORECARD_WEIGHTS;
export const CREDITOR_COMPONENT_KEYS = CREDITOR_SCORECARD_COMPONENTS;
export type CreditorComponents = Record<CreditorScorecardComponent, number>;
export const PAYMENT_WORKING_DAYS = STATEMENT_PAYMENT_WORKING_DAYS;

/** Full marks for one component or a score, in basis points of 100. */
export const FULL_BP = 10_000;
/** A judgement nobody made: the midpoint. */
export const NEUTRAL_BP = 5_000;
/** This month, one month back, two months back. */
export const RECENT_WEIGHTS = [3, 2, 1] as const;

/** Answers or payments that fell due in the month: given (or paid) by their deadline, or not. */
export type DueCount = { onTime: number; late: number };

export type CreditorScorecardInputs = {
  month: string;
  /** Each agency's data-quality rating of the month, 1–5, in ascending order (who gave which is not kept). */
  ratings: number[];
  /** Answers owed by the creditor that fell due in the month, by kind. */
  /**
   * `holds`: pauses of collection (a debtor reported deceased, a debt disputed) whose answer
   * fell due in the month; counted from December 2026, absent on earlier cards.
   */
  answers: { restructures: DueCount; holds?: DueCount };
  /** Statements whose payment fell due in the month. */
  statements: DueCount;
  /** The month scores of the two months before, as they stood when this card was computed. */
  history: { month: string; monthScoreBp: number }[];
};

export const emptyCreditorInputs = (month: string): CreditorScorecardInputs => ({
  month,
  ratings: [],
  answers: { restructures: { onTime: 0, late: 0 }, holds: { onTime: 0, late: 0 } },
  statements: { onTime: 0, late: 0 },
  history: [],
});

export type CreditorScorecardResult = { components: CreditorComponents; monthScoreBp: number; scoreBp: number };

const clamp = (bp: number) => Math.min(FULL_BP, Math.max(0, bp));
const share = ({ onTime, late }: DueCount) =>
  onTime + late > 0 ? Math.round((onTime * FULL_BP) / (onTime + late)) : FULL_BP;

/** Ratings 1–5 onto 0–100 (1 → 0, 3 → 50, 5 → 100), averaged; none: the midpoint. */
const ratingsBp = (ratings: readonly number[]) => {
  if (ratings.length === 0) return NEUTRAL_BP;
  const sum = ratings.reduce((a, r) => a + r, 0);
  return clamp(Math.round(((sum - ratings.length) * FULL_BP) / (4 * ratings.length)));
};

/** Every kind of answer added together: each answer owed counts once, whatever its kind. */
export const answersDue = (answers: Readonly<Record<string, DueCount>>): DueCount =>
  Object.values(answers).reduce((a, c) => ({ onTime: a.onTime + c.onTime, late: a.late + c.late }), {
    onTime: 0,
    late: 0,
  });

export const creditorComponentsOf = (inputs: CreditorScorecardInputs): CreditorComponents => ({
  dataQuality: ratingsBp(inputs.ratings),
  answers: share(answersDue(inputs.answers)),
  payments: share(inputs.statements),
});

/** Whole months from `earlier` to `later` (`YYYY-MM`). */
const monthsBetween = (earlier: string, later: string) => {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(later) - index(earlier);
};

/** The score shown: this month's and the two before it, 3 : 2 : 1 over the months that have a card. */
const weightedScore = (month: string, monthScoreBp: number, history: CreditorScorecardInputs['history']) => {
  let sum = RECENT_WEIGHTS[0] * monthScoreBp;
  let weights: number = RECENT_WEIGHTS[0];
  for (const h of history) {
    const back = monthsBetween(h.month, month);
    const w = back === 1 || back === 2 ? RECENT_WEIGHTS[back] : 0;
    sum += w * h.monthScoreBp;
    weights += w;
  }
  return Math.round(sum / weights);
};

/** Formula v1: the components, the month's own score and the score shown. */
export const computeCreditorScorecard = (inputs: CreditorScorecardInputs): CreditorScorecardResult => {
  const components = creditorComponentsOf(inputs);
  const monthScoreBp = Math.round(
    CREDITOR_COMPONENT_KEYS.reduce((a, k) => a + CREDITOR_WEIGHTS[k] * components[k], 0) / 100,
  );
  return { components, monthScoreBp, scoreBp: weightedScore(inputs.month, monthScoreBp, inputs.history) };
};
