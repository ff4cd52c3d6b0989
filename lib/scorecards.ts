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
