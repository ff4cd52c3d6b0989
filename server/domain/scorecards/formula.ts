import { SCORECARD_COMPONENTS, SCORECARD_WEIGHTS, type ScorecardComponent } from '@/lib/scorecards';

// The monthly agency scorecard (DESIGN §7): a pure function of the month's inputs and the
// formula version, both stored with every card, so anyone holding an export computes the
// same score again (`computeScorecard(file.inputs, file.formulaVersion)`). Every number
// here is plain JSON (no dates, no database types), and every score is an integer in
// basis points of 100 (10000 = 100.00 points).
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
//
// Versions. Cards keep the version they were computed with; a month is computed with the
// current version when first computed and keeps its version when computed again
// (compute.ts), so an old month recomputed gives the result it gave before.
// - v1 and v2 compute alike from their inputs; v2 gathers an upheld complaint of
//   impersonating police, courts or lawyers as abuse (lib/enums-supervision.ts
//   ABUSE_CATEGORIES), which zeroes the month; v1 counted threats, harassment and pressing
//   third parties only.
// - v3 adds what the agency's dialer and SMS gateway recorded (`calls`) and the quality
//   inspections of its calls (`inspections`, 质检); the five components and their weights
//   do not change, and with no call record and no inspection v3 gives v2's result:
//   * compliance also loses CALL_VIOLATION_POINTS per machine-detected violation (a
//     checked record that broke a hard rule: a call at 22:01, a fourth answered call of
//     the day) per 1,000 matched outbound calls: a hard rule broken weighs twice a logged
//     action's soft flag, on a denominator that outnumbers cases many times over (ten
//     violations per 1,000 calls cost 20 points). No matched outbound call:
//     the call part measures nothing (no penalty, no credit), violations on messages
//     alone included.
//   * compliance also counts the platform auditors' inspections: a call failed on a fatal
//     item (threat, insult, impersonation, disclosure to a third party) weighs like an
//     upheld complaint (COMPLAINT_POINTS per 1,000 cases), and the inspected calls'
//     average shortfall from full marks costs INSPECTION_SHORTFALL_PERCENT of it (an
//     average of 80 costs 5 points). The agency's own supervisors' inspections are shown
//     but do not move the score: an agency is not punished for finding its own faults,
//     nor credited for grading itself; a finding of its own that leads to an upheld
//     complaint counts as that complaint.
//   * reporting becomes the mean of the parts that measured something: v2's visits and
//     their evidence on time; the share of matched outbound records (calls and messages)
//     that have a logged action (not shadow contacts); the share of logged calls and
//     messages, of an agency whose dialer was sending records, that have a record (not
//     phantom actions). Nothing measured: full marks, as in v2.
export const FORMULA_VERSION = 3;
/** Versions this code computes; a month whose cards were computed with another is computed again with the current one. */
export const FORMULA_VERSIONS = [1, 2, 3] as const;
/** Versions whose inputs are still gathered as they were (inputs.ts): a month of one of these keeps it when computed again. */
export const GATHERED_VERSIONS = [2, 3] as const;

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
/** v3 compliance: points lost per machine-detected violation per 1,000 matched outbound calls. */
export const CALL_VIOLATION_POINTS = 2;
/** v3 compliance: points lost per call failed on a fatal inspection item, per 1,000 cases (as an upheld complaint). */
export const FATAL_FINDING_POINTS = COMPLAINT_POINTS;
/** v3 compliance: the share of the inspected calls' average shortfall from full marks that is lost, percent. */
export const INSPECTION_SHORTFALL_PERCENT = 25;

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
  /** v3: what the agency's dialer and SMS gateway recorded of the month; absent from v1 and v2 cards. */
  calls?: CallInputs;
  /** v3: the quality inspections (质检) of the agency's calls made in the month; absent from v1 and v2 cards. */
  inspections?: InspectionInputs;
};

/** Call records of the month (by their start, Beijing month), matched to the agency's cases. */
export type CallInputs = {
  /** Matched outbound calls: the denominator of violations per 1,000 calls. */
  outboundCalls: number;
  /** Checked records (calls and messages) that broke a hard rule: machine-detected violations. */
  violations: number;
  /** Matched outbound records, calls and messages, and those no logged action pairs with (shadow contacts). */
  outboundRecords: number;
  shadowContacts: number;
  /** Logged calls and messages of the month made while the agency's dialer was sending records, and those no record pairs with (phantom actions). */
  loggedContacts: number;
  phantomActions: number;
};

/** Inspections of the agency's calls made in the month. */
export type InspectionInputs = {
  /** By platform auditors: how many, their average score (basis points, 0 with none) and the calls failed on a fatal item. */
  byPlatform: number;
  averageScoreBp: number;
  fatalFindings: number;
  /** By the agency's own supervisors: shown, not scored. */
  byAgency: number;
};

export const emptyCallInputs = (): CallInputs => ({
  outboundCalls: 0,
  violations: 0,
  outboundRecords: 0,
  shadowContacts: 0,
  loggedContacts: 0,
  phantomActions: 0,
});
export const emptyInspectionInputs = (): InspectionInputs => ({
  byPlatform: 0,
  averageScoreBp: 0,
  fatalFindings: 0,
  byAgency: 0,
});

/** A month in which nothing happened: no rating, no commission, nothing due, no history. */
export const emptyInputs = (month: string): ScorecardInputs => ({
  month,
  ratings: [],
  commissions: [],
  reporting: { visitsOnTime: 0, visitsLate: 0, evidenceOnTime: 0, evidenceLate: 0 },
  compliance: { flaggedActions: 0, upheldComplaints: 0, upheldAbuse: 0 },
  responsiveness: { answersOnTime: 0, answersLate: 0 },
  history: [],
  calls: emptyCallInputs(),
  inspections: emptyInspectionInputs(),
});

/** The inputs a card of `version` holds: v1 and v2 cards have no call records or inspections. */
export const inputsOfVersion = (inputs: ScorecardInputs, version: number): ScorecardInputs => {
  if (version >= 3) return inputs;
  const { calls: _calls, inspections: _inspections, ...rest } = inputs;
  return rest;
};

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

/** The five components of one month under formula v1 and v2, each 0–10000. */
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

/**
 * v3 compliance: v2's flags and upheld complaints per 1,000 cases, with the platform's
 * fatal inspection findings weighing like upheld complaints; machine-detected violations
 * per 1,000 matched outbound calls; a share of the inspected calls' average shortfall.
 * Each part is points lost (in basis points), summed and rounded once.
 */
const complianceV3Bp = (
  cases: number,
  c: ScorecardInputs['compliance'],
  calls: CallInputs,
  inspections: InspectionInputs,
) => {
  const perCases =
    ((c.flaggedActions * FLAG_POINTS +
      c.upheldComplaints * COMPLAINT_POINTS +
      inspections.fatalFindings * FATAL_FINDING_POINTS) *
      1000 *
      100) /
    Math.max(1, cases);
  const perCalls =
    calls.outboundCalls > 0 ? (calls.violations * CALL_VIOLATION_POINTS * 1000 * 100) / calls.outboundCalls : 0;
  const shortfall =
    inspections.byPlatform > 0
      ? ((FULL_BP - clamp(inspections.averageScoreBp)) * INSPECTION_SHORTFALL_PERCENT) / 100
      : 0;
  return clamp(FULL_BP - Math.round(perCases + perCalls + shortfall));
};

/**
 * v3 reporting: the mean of the parts that measured something, each the share done right:
 * visits and their evidence on time, matched outbound records with a logged action, logged
 * calls and messages (of a connected dialer) with a record. Nothing measured: full marks.
 */
const reportingV3Bp = (r: ScorecardInputs['reporting'], calls: CallInputs) => {
  const parts: number[] = [];
  const part = (good: number, bad: number) => {
    if (good + bad > 0) parts.push(good / (good + bad));
  };
  part(r.visitsOnTime + r.evidenceOnTime, r.visitsLate + r.evidenceLate);
  const shadow = Math.min(calls.shadowContacts, calls.outboundRecords);
  part(calls.outboundRecords - shadow, shadow);
  const phantom = Math.min(calls.phantomActions, calls.loggedContacts);
  part(calls.loggedContacts - phantom, phantom);
  if (parts.length === 0) return FULL_BP;
  return clamp(Math.round((parts.reduce((a, p) => a + p, 0) * FULL_BP) / parts.length));
};

/** The five components of one month under formula v3, each 0–10000. */
export const componentsV3Of = (inputs: ScorecardInputs): Components => {
  const calls = inputs.calls ?? emptyCallInputs();
  const inspections = inputs.inspections ?? emptyInspectionInputs();
  return {
    ...componentsOf(inputs),
    reporting: reportingV3Bp(inputs.reporting, calls),
    compliance: complianceV3Bp(casesOf(inputs.commissions), inputs.compliance, calls, inspections),
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

/**
 * The components, the month's own score (0 after an upheld abuse complaint) and the score
 * shown, by the formula of `version` (versions 1 and 2 alike; 3 with call records and
 * inspections).
 */
export const computeScorecard = (inputs: ScorecardInputs, version: number): ScorecardResult => {
  if (!(FORMULA_VERSIONS as readonly number[]).includes(version))
    throw new Error(`unknown scorecard formula ${version}`);
  const components = version >= 3 ? componentsV3Of(inputs) : componentsOf(inputs);
  const isZeroed = inputs.compliance.upheldAbuse > 0;
  const monthScoreBp = isZeroed
    ? 0
    : Math.round(COMPONENT_KEYS.reduce((a, k) => a + WEIGHTS[k] * components[k], 0) / 100);
  return { components, monthScoreBp, scoreBp: weightedScore(inputs.month, monthScoreBp, inputs.history), isZeroed };
};
