import { SCORECARD_COMPONENTS, SCORECARD_WEIGHTS, type ScorecardComponent } from '@/lib/scorecards';

// The monthly agency scorecard, formula version 2 (DESIGN §7): a pure function of the
// month's inputs, stored with every card, so anyone holding an export computes the same
// score again. Every number here is plain JSON (no dates, no database types), and every
// score is an integer in basis points of 100 (10000 = 100.00 points).
//
// Components and weights (DESIGN §7): creditor ratings 35, recovery against the package's
// expected rate 25, reporting on time 15, compliance 15, responsiveness 10. Recent months
// weigh more: the score shown is this month's score and the two before it, 3 : 2 : 1, over
// the months that have a card. An upheld abuse complaint sets the month's score to 0.
//
// When a component has nothing to measure: the two judgements (ratings, recovery against
// expectation) take the midpoint, 50, neither credit nor blame for what nobody observed;
// the three obligations (reporting, compliance, responsiveness) take full marks, since no
// deadline fell due and nothing was found. An agency with no work in a month scores 70.

// Version 2 counts an upheld complaint of impersonating police, courts or lawyers as abuse
// (lib/enums-supervision.ts ABUSE_CATEGORIES), which zeroes the month; version 1 counted
// threats, harassment and pressing third parties only. Cards keep the version they were
// computed with.
export const FORMULA_VERSION = 2;

/** DESIGN §7 weights; they add up to 100. */
export const WEIGHTS = SCORECARD_WEIGHTS;
export type ComponentKey = ScorecardComponent;
export const COMPONENT_KEYS = SCORECARD_COMPONENTS;
export type Components = Record<ComponentKey, number>;

/** Full marks for one component or a score, in basis points of 100. */
export const FULL_BP = 10_000;
/** A judgement nobody could make: the midpoint. */
export const NEUTRAL_BP = 5_000;
/** This month, one month back, two months back ("recent months weigh more", DESIGN §7). */
export const RECENT_WEIGHTS = [3, 2, 1] as const;
/** Compliance: points lost per rule flag per 1,000 cases, and per upheld complaint per 1,000 cases. */
export const FLAG_POINTS = 1;
export const COMPLAINT_POINTS = 10;

/** A commission whose term touched the month. */
export type CommissionInput = {
  commissionId: string;
  /** Cases placed with it (the denominator of "per 1,000 cases"). */
  cases: number;
  /** What was placed, in fen. */
  placed: number;
  /** The package's expected recovery over the whole term, basis points of what was placed. */
  expectedRecoveryBp: number;
  /** Days of the term, and those of them inside the month while it ran. */
  termDays: number;
  activeDays: number;
  /** Confirmed money paid in the month, in fen, reversals taken off. */
  recovered: number;
};

export type ScorecardInputs = {
  month: string;
  /** Each commissioning creditor's rating of the month, 1–5 (who gave which is not kept here). */
  ratings: number[];
  commissions: CommissionInput[];
  /** Visits planned in the month recorded (or called off) within 24 hours of their time; visits of the month whose audio and video came within 24 hours. */
  reporting: { visitsOnTime: number; visitsLate: number; evidenceOnTime: number; evidenceLate: number };
  /** Actions the rulebook flagged, and complaints upheld in the month (abuse among them). */
  compliance: { flaggedActions: number; upheldComplaints: number; upheldAbuse: number };
  /** Complaint answers due in the month: given within the 10 days, or not. */
  responsiveness: { answersOnTime: number; answersLate: number };
  /** The month scores of the two months before, as they stood when this card was computed. */
  history: { month: string; monthScoreBp: number }[];
};

/** A month in which nothing happened: no rating, no commission, nothing due, no history. */
export const emptyInputs = (month: string): ScorecardInputs => ({
  month,
  ratings: [],
  commissions: [],
  reporting: { visitsOnTime: 0, visitsLate: 0, evidenceOnTime: 0, evidenceLate: 0 },
  compliance: { flaggedActions: 0, upheldComplaints: 0, upheldAbuse: 0 },
  responsiveness: { answersOnTime: 0, answersLate: 0 },
  history: [],
});

export type ScorecardResult = { components: Components; monthScoreBp: number; scoreBp: number; isZeroed: boolean };

const clamp = (bp: number) => Math.min(FULL_BP, Math.max(0, bp));
const share = (good: number, bad: number) => (good + bad > 0 ? Math.round((good * FULL_BP) / (good + bad)) : FULL_BP);

/** Ratings 1–5 mapped onto 0–100 (1 → 0, 3 → 50, 5 → 100), averaged; none: the midpoint. */
const ratingsBp = (ratings: readonly number[]) => {
  if (ratings.length === 0) return NEUTRAL_BP;
  const sum = ratings.reduce((a, r) => a + r, 0);
  return clamp(Math.round(((sum - ratings.length) * FULL_BP) / (4 * ratings.length)));
};

/**
 * Money recovered in the month against what the packages expected of it (fen): each
 * commission's expected recovery spread evenly over its term, for the days it ran in the
 * month. Meeting the expectation is full marks; nothing expected: full marks for money
 * recovered anyway, the midpoint for none.
 */
export const recoveryOf = (commissions: readonly CommissionInput[]) => {
  let expected = 0;
  let recovered = 0;
  for (const c of commissions) {
    if (c.termDays > 0) expected += (c.placed * c.expectedRecoveryBp * c.activeDays) / (FULL_BP * c.termDays);
    recovered += Math.max(0, c.recovered);
  }
  return { expected, recovered };
};

const recoveryBp = (commissions: readonly CommissionInput[]) => {
  const { expected, recovered } = recoveryOf(commissions);
  // Nothing expected: money recovered all the same meets it in full (as any expectation it
  // meets would), none is the midpoint; so a higher expectation never scores better.
  if (expected <= 0) return recovered > 0 ? FULL_BP : NEUTRAL_BP;
  return clamp(Math.round((Math.min(recovered, expected) * FULL_BP) / expected));
};

/** Cases placed with the agency under the month's commissions. */
export const casesOf = (commissions: readonly CommissionInput[]) => commissions.reduce((a, c) => a + c.cases, 0);

/**
 * Rule flags and upheld complaints per 1,000 cases placed (DESIGN §7), the way the
 * creditor's dashboard counts flags: 1 point lost per flag per 1,000 cases, 10 per upheld
 * complaint per 1,000 cases. The missing-evidence flag counts under reporting, not here.
 */
const complianceBp = (cases: number, c: ScorecardInputs['compliance']) =>
  clamp(
    FULL_BP -
      Math.round(
        ((c.flaggedActions * FLAG_POINTS + c.upheldComplaints * COMPLAINT_POINTS) * 1000 * 100) / Math.max(1, cases),
      ),
  );

/** The five components of one month, each 0–10000. */
export const componentsOf = (inputs: ScorecardInputs): Components => {
  const r = inputs.reporting;
  const cases = casesOf(inputs.commissions);
  return {
    ratings: ratingsBp(inputs.ratings),
    recovery: recoveryBp(inputs.commissions),
    reporting: share(r.visitsOnTime + r.evidenceOnTime, r.visitsLate + r.evidenceLate),
    compliance: complianceBp(cases, inputs.compliance),
    responsiveness: share(inputs.responsiveness.answersOnTime, inputs.responsiveness.answersLate),
  };
};

/** Whole months from `earlier` to `later` (`YYYY-MM`). */
export const monthsBetween = (earlier: string, later: string) => {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(later) - index(earlier);
};

/** The score shown: this month's and the two before it, 3 : 2 : 1 over the months that have a card. */
export const weightedScore = (month: string, monthScoreBp: number, history: ScorecardInputs['history']) => {
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

/** Formula v1: the components, the month's own score (0 after an upheld abuse complaint) and the score shown. */
export const computeScorecard = (inputs: ScorecardInputs): ScorecardResult => {
  const components = componentsOf(inputs);
  const isZeroed = inputs.compliance.upheldAbuse > 0;
  const monthScoreBp = isZeroed
    ? 0
    : Math.round(COMPONENT_KEYS.reduce((a, k) => a + WEIGHTS[k] * components[k], 0) / 100);
  return { components, monthScoreBp, scoreBp: weightedScore(inputs.month, monthScoreBp, inputs.history), isZeroed };
};
