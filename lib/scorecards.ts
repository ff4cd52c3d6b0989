// Monthly agency scorecards (DESIGN §7): the weight of each component, adding up to 100.
export const SCORECARD_WEIGHTS = {
  ratings: 35,
  recovery: 25,
  reporting: 15,
  compliance: 15,
  responsiveness: 10,
} as const;
export type ScorecardComponent = keyof typeof SCORECARD_WEIGHTS;
export const SCORECARD_COMPONENTS = Object.keys(SCORECARD_WEIGHTS) as ScorecardComponent[];

// Monthly creditor scorecards: what working for a creditor is like, seen from the agencies.
// The weight of each component, adding up to 100.
export const CREDITOR_SCORECARD_WEIGHTS = {
  dataQuality: 40,
  answers: 30,
  payments: 30,
} as const;
export type CreditorScorecardComponent = keyof typeof CREDITOR_SCORECARD_WEIGHTS;
export const CREDITOR_SCORECARD_COMPONENTS = Object.keys(CREDITOR_SCORECARD_WEIGHTS) as CreditorScorecardComponent[];
/** A statement is paid on time within this many working days of the day both sides agreed it. */
export const STATEMENT_PAYMENT_WORKING_DAYS = 10;
