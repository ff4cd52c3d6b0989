// DESIGN §7: admitted at ≥ 60, tier A ≥ 85, B ≥ 70, C ≥ 60; a fraud or abuse record is
// rejected outright. Four eyes for tier A and for any decision against the computed one.
import { describe, expect, it } from 'vitest';
import { needsSecondApproval, outcomeFor, scoreProblems, totalOf, weightsProblem } from './scoring';

describe('admission outcome', () => {
  it.each([
    [100, false, 'admit', 'A'],
    [85, false, 'admit', 'A'],
    [84, false, 'admit', 'B'],
    [70, false, 'admit', 'B'],
    [69, false, 'admit', 'C'],
    [60, false, 'admit', 'C'],
    [59, false, 'reject', null],
    [0, false, 'reject', null],
    [100, true, 'reject', null],
    [60, true, 'reject', null],
  ] as const)('score %i with fraud/abuse %s → %s %s', (total, abuse, decision, tier) => {
    expect(outcomeFor(total, abuse)).toEqual({ decision, tier });
  });
});

describe('four eyes', () => {
  it.each([
    ['admit', { decision: 'admit', tier: 'A' }, true],
    ['admit', { decision: 'admit', tier: 'B' }, false],
    ['admit', { decision: 'admit', tier: 'C' }, false],
    ['reject', { decision: 'reject', tier: null }, false],
    ['reject', { decision: 'admit', tier: 'C' }, true],
    ['admit', { decision: 'reject', tier: null }, true],
  ] as const)('%s against computed %j needs approval: %s', (decision, computed, expected) => {
    expect(needsSecondApproval(decision, computed)).toBe(expected);
  });
});

describe('scores against a template', () => {
  const criteria = [
    { key: 'a', weight: 40 },
    { key: 'b', weight: 60 },
  ];
  it('accepts one in-range score per criterion', () => {
    const scores = [
      { key: 'a', score: 40, note: '' },
      { key: 'b', score: 0, note: '' },
    ];
    expect(scoreProblems(criteria, scores)).toEqual({ unknown: [], missing: [], outOfRange: [], duplicated: false });
    expect(totalOf(scores)).toBe(40);
  });
  it('reports unknown, missing, out-of-range and duplicated criteria', () => {
    expect(
      scoreProblems(criteria, [
        { key: 'a', score: 41, note: '' },
        { key: 'a', score: 1.5, note: '' },
        { key: 'z', score: 1, note: '' },
      ]),
    ).toEqual({ unknown: ['z'], missing: ['b'], outOfRange: ['a', 'a'], duplicated: true });
  });
});

describe('template weights', () => {
  it.each([
    [
      [
        { key: 'a', weight: 50 },
        { key: 'b', weight: 50 },
      ],
      null,
    ],
    [
      [
        { key: 'a', weight: 50 },
        { key: 'b', weight: 49 },
      ],
      'sum',
    ],
    [
      [
        { key: 'a', weight: 101 },
        { key: 'b', weight: -1 },
      ],
      'weight',
    ],
    [
      [
        { key: 'a', weight: 50.5 },
        { key: 'b', weight: 49.5 },
      ],
      'weight',
    ],
    [
      [
        { key: 'a', weight: 50 },
        { key: 'a', weight: 50 },
      ],
      'duplicate',
    ],
  ] as const)('%j → %s', (criteria, problem) => {
    expect(weightsProblem(criteria)).toBe(problem);
  });
});
