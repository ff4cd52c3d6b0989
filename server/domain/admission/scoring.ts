import type { Tier } from '@/lib/enums';

// DESIGN §7 admission scoring: 0–100 from the template's criteria; admitted at 60 or
// more, tier A at 85, B at 70, C at 60; any proven fraud or abuse record is rejected
// outright whatever the score.

export type Decision = 'admit' | 'reject';
export type Outcome = { decision: Decision; tier: Tier | null };

export const outcomeFor = (total: number, hasFraudOrAbuse: boolean): Outcome => {
  if (hasFraudOrAbuse) return { decision: 'reject', tier: null };
  if (total >= 85) return { decision: 'admit', tier: 'A' };
  if (total >= 70) return { decision: 'admit', tier: 'B' };
  if (total >= 60) return { decision: 'admit', tier: 'C' };
  return { decision: 'reject', tier: null };
};

/**
 * Four eyes: admitting at tier A, or deciding against the computed outcome, needs a
 * second staff member's approval.
 */
export const needsSecondApproval = (decision: Decision, computed: Outcome): boolean =>
  decision !== computed.decision || (decision === 'admit' && computed.tier === 'A');

export type CriterionWeight = { key: string; weight: number };
export type Score = { key: string; score: number; note: string };

/** Problems with a set of scores against the template: unknown, missing, or out of range. */
export const scoreProblems = (criteria: readonly CriterionWeight[], scores: readonly Score[]) => {
  const byKey = new Map(criteria.map((c) => [c.key, c.weight]));
  const unknown = scores.filter((s) => !byKey.has(s.key)).map((s) => s.key);
  const seen = new Set(scores.map((s) => s.key));
  const duplicated = scores.length !== seen.size;
  const missing = criteria.filter((c) => !seen.has(c.key)).map((c) => c.key);
  const outOfRange = scores
    .filter((s) => {
      const w = byKey.get(s.key);
      return w !== undefined && (!Number.isInteger(s.score) || s.score < 0 || s.score > w);
    })
    .map((s) => s.key);
  return { unknown, missing, outOfRange, duplicated };
};

export const totalOf = (scores: readonly Score[]): number => scores.reduce((sum, s) => sum + s.score, 0);

/** Template weights must be positive whole numbers summing to exactly 100. */
export const weightsProblem = (criteria: readonly CriterionWeight[]): 'sum' | 'weight' | 'duplicate' | null => {
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length) return 'duplicate';
  if (criteria.some((c) => !Number.isInteger(c.weight) || c.weight <= 0)) return 'weight';
  return criteria.reduce((s, c) => s + c.weight, 0) === 100 ? null : 'sum';
};
