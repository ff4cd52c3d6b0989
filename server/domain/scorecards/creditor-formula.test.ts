// The monthly creditor scorecard formula v1: weights 40 / 30 / 30 adding up to 100, every
// score between 0 and 100, better inputs never lower it, recent months weigh more
// (3 : 2 : 1), a month with nothing to measure scores 80 (the rating at its midpoint,
// nothing due at full marks), and every kind of answer owed counts alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZCreditorScorecardInputs } from '../../api/routers/scorecards/creditors.schema';
import {
  answersDue,
  computeCreditorScorecard,
  CREDITOR_COMPONENT_KEYS,
  CREDITOR_FORMULA_VERSION,
  CREDITOR_WEIGHTS,
  emptyCreditorInputs,
  FULL_BP,
  NEUTRAL_BP,
  PAYMENT_WORKING_DAYS,
  type CreditorScorecardInputs,
} from './creditor-formula';

const count = fc.integer({ min: 0, max: 500 });
const due = fc.record({ onTime: count, late: count });
const history = fc.uniqueArray(
  fc.record({ back: fc.integer({ min: 1, max: 2 }), monthScoreBp: fc.integer({ min: 0, max: FULL_BP }) }),
  { selector: (h) => h.back, maxLength: 2 },
);
const MONTH = '2026-06';
const monthBack = (back: number) => `2026-${String(6 - back).padStart(2, '0')}`;
const inputs: fc.Arbitrary<CreditorScorecardInputs> = fc
  .record({
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }),
    restructures: due,
    statements: due,
    history,
  })
  .map((r) => ({
    month: MONTH,
    ratings: [...r.ratings].sort((a, b) => a - b),
    answers: { restructures: r.restructures },
    statements: r.statements,
    history: r.history.map((h) => ({ month: monthBack(h.back), monthScoreBp: h.monthScoreBp })),
  }));

describe('creditor formula v1', () => {
  it('is version 1, its weights add up to 100 and statements are due 10 working days after both agree', () => {
    expect(CREDITOR_FORMULA_VERSION).toBe(1);
    expect(CREDITOR_COMPONENT_KEYS.reduce((a, k) => a + CREDITOR_WEIGHTS[k], 0)).toBe(100);
    expect(CREDITOR_WEIGHTS).toEqual({ dataQuality: 40, answers: 30, payments: 30 });
    expect(PAYMENT_WORKING_DAYS).toBe(10);
  });

  it('scores a month with nothing to measure 80: rating at the midpoint, nothing due at full marks', () => {
    const r = computeCreditorScorecard(emptyCreditorInputs(MONTH));
    expect(r.components).toEqual({ dataQuality: NEUTRAL_BP, answers: FULL_BP, payments: FULL_BP });
    expect(r.monthScoreBp).toBe(8_000);
    expect(r.scoreBp).toBe(8_000);
  });

  it('maps ratings 1–5 onto 0–100 and weighs each share by its weight', () => {
    const r = computeCreditorScorecard({
      month: MONTH,
      ratings: [2, 4, 5],
      answers: { restructures: { onTime: 3, late: 1 } },
      statements: { onTime: 1, late: 1 },
      history: [],
    });
    // (1 + 3 + 4) / (4 × 3) = 66.67; 3 of 4 = 75; 1 of 2 = 50.
    expect(r.components).toEqual({ dataQuality: 6_667, answers: 7_500, payments: 5_000 });
    expect(r.monthScoreBp).toBe(Math.round((40 * 6_667 + 30 * 7_500 + 30 * 5_000) / 100));
  });

  it('weighs this month, last month and the month before 3 : 2 : 1, and ignores older months', () => {
    const base = { ...emptyCreditorInputs(MONTH), statements: { onTime: 0, late: 1 } };
    // Month score: 40 × 0.5 + 30 + 0 = 50.
    const r = computeCreditorScorecard({
      ...base,
      history: [
        { month: '2026-05', monthScoreBp: 8_000 },
        { month: '2026-04', monthScoreBp: 2_000 },
        { month: '2026-01', monthScoreBp: 0 },
      ],
    });
    expect(r.monthScoreBp).toBe(5_000);
    expect(r.scoreBp).toBe(Math.round((3 * 5_000 + 2 * 8_000 + 2_000) / 6));
    expect(computeCreditorScorecard({ ...base, history: [{ month: '2026-05', monthScoreBp: 0 }] }).scoreBp).toBe(3_000);
  });

  it('counts every kind of answer owed alike', () => {
    const answers = { restructures: { onTime: 2, late: 1 }, disputes: { onTime: 0, late: 3 } };
    expect(answersDue(answers)).toEqual({ onTime: 2, late: 4 });
  });

  it('keeps every score between 0 and 100 and in integer basis points, for any inputs the schema accepts', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        expect(ZCreditorScorecardInputs.parse(i)).toEqual(i);
        const r = computeCreditorScorecard(i);
        for (const v of [r.monthScoreBp, r.scoreBp, ...Object.values(r.components)]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(FULL_BP);
        }
      }),
    );
  });

  it('never scores lower for a better rating, an answer on time instead of late, or a statement paid on time', () => {
    fc.assert(
      fc.property(inputs, fc.nat(), (i, pick) => {
        const before = computeCreditorScorecard(i).monthScoreBp;
        const ratings = [...i.ratings];
        const at = ratings.length > 0 ? pick % ratings.length : -1;
        if (at >= 0 && ratings[at]! < 5) ratings[at] = ratings[at]! + 1;
        const better = computeCreditorScorecard({ ...i, ratings }).monthScoreBp;
        expect(better).toBeGreaterThanOrEqual(before);
        const r = i.answers.restructures;
        if (r.late > 0) {
          const moved = { onTime: r.onTime + 1, late: r.late - 1 };
          expect(
            computeCreditorScorecard({ ...i, answers: { restructures: moved } }).monthScoreBp,
          ).toBeGreaterThanOrEqual(before);
        }
        const s = i.statements;
        if (s.late > 0) {
          const moved = { onTime: s.onTime + 1, late: s.late - 1 };
          expect(computeCreditorScorecard({ ...i, statements: moved }).monthScoreBp).toBeGreaterThanOrEqual(before);
        }
      }),
    );
  });

  it('gives the same result again from inputs that went through JSON (what an export holds)', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const copy = ZCreditorScorecardInputs.parse(JSON.parse(JSON.stringify(i)));
        expect(computeCreditorScorecard(copy)).toEqual(computeCreditorScorecard(i));
      }),
    );
  });
});
