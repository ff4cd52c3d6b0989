import { SCORECARD_COMPONENTS, SCORECARD_WEIGHTS } from '@/lib/scorecards';

export const WEIGHTS = SCORECARD_WEIGHTS;
export const COMPONENT_KEYS = SCORECARD_COMPONENTS;

/** A score kept in basis points of 100 as points with one decimal: 7834 → "78.3". */
export const scoreText = (bp: number): string => (Math.round(bp / 10) / 10).toFixed(1);
