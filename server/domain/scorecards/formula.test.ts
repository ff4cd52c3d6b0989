// The monthly scorecard formula, v2 and v3 alike (DESIGN §7): weights 35 / 25 / 15 / 15 / 10
// adding up to 100, every score between 0 and 100, better inputs never lower it, an upheld
// abuse complaint sets the month to 0, recent months weigh more (3 : 2 : 1), and the
// neutral values of a month with nothing to measure. v3's call records and inspections
// have tests of their own (formula-v3.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMPONENT_KEYS,
  computeScorecard as computeWith,
  emptyInputs,
  FULL_BP,
  NEUTRAL_BP,
  weightedScore,
  WEIGHTS,
  type ScorecardInputs,
} from './formula';

const count = fc.integer({ min: 0, max: 500 });
const commission = fc.record({
  commissionId: fc.uuid(),
  cases: fc.integer({ min: 0, max: 5_000 }),
  placed: fc.integer({ min: 0, max: 1e11 }),
  expectedRecoveryBp: fc.integer({ min: 0, max: FULL_BP }),
  termDays: fc.integer({ min: 1, max: 730 }),
  activeDays: fc.integer({ min: 0, max: 31 }),
  recovered: fc.integer({ min: -1e8, max: 1e10 }),
});
const history = fc.uniqueArray(
  fc.record({ back: fc.integer({ min: 1, max: 2 }), monthScoreBp: fc.integer({ min: 0, max: FULL_BP }) }),
  { selector: (h) => h.back, maxLength: 2 },
);
const plain: fc.Arbitrary<ScorecardInputs> = fc
  .record({
    ratings: fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 12 }),
    commissions: fc.array(commission, { maxLength: 6 }),
    reporting: fc.record({ visitsOnTime: count, visitsLate: count, evidenceOnTime: count, evidenceLate: count }),
    flaggedActions: count,
    upheld: fc.integer({ min: 0, max: 20 }),
    abuse: fc.integer({ min: 0, max: 20 }),
    responsiveness: fc.record({ answersOnTime: count, answersLate: count }),
    history,
  })
  .map((r) => ({
    month: '2026-06',
    ratings: r.ratings,
    commissions: r.commissions,
    reporting: r.reporting,
    // Abuse complaints are among the upheld ones.
    compliance: {
      flaggedActions: r.flaggedActions,
      upheldComplaints: Math.max(r.upheld, r.abuse),
      upheldAbuse: r.abuse,
    },
    responsiveness: r.responsiveness,
    history: r.history.map((h) => ({ month: h.back === 1 ? '2026-05' : '2026-04', monthScoreBp: h.monthScoreBp })),
  }));
/** v3 cards also hold the month's call records and inspections. */
const withCalls: fc.Arbitrary<ScorecardInputs> = fc
  .record({
    i: plain,
    calls: fc.record({
      outboundCalls: fc.integer({ min: 0, max: 100_000 }),
      violations: count,
      outboundRecords: fc.integer({ min: 0, max: 100_000 }),
      shadowContacts: count,
      loggedContacts: fc.integer({ min: 0, max: 100_000 }),
      phantomActions: count,
    }),
    inspections: fc.record({
      byPlatform: fc.integer({ min: 0, max: 50 }),
      averageScoreBp: fc.integer({ min: 0, max: FULL_BP }),
      fatalFindings: fc.integer({ min: 0, max: 5 }),
      byAgency: count,
    }),
  })
  .map(({ i, calls, inspections }) => ({ ...i, calls, inspections }));

const EMPTY = emptyInputs('2026-06');

describe.each([2, 3])('scorecard formula v%i', (version) => {
  const inputs = version >= 3 ? withCalls : plain;
  const clean = inputs.map((i) => ({ ...i, compliance: { ...i.compliance, upheldAbuse: 0 } }));
  const computeScorecard = (i: ScorecardInputs) => computeWith(i, version);
  /** Non-decreasing when `better` is the same inputs with one of them improved. */
  const neverWorse = (make: (i: ScorecardInputs, n: number) => [ScorecardInputs, ScorecardInputs]) =>
    fc.assert(
      fc.property(clean, fc.integer({ min: 1, max: 50 }), (i, n) => {
        const [worse, better] = make(i, n);
        const a = computeScorecard(worse);
        const b = computeScorecard(better);
        expect(b.monthScoreBp).toBeGreaterThanOrEqual(a.monthScoreBp);
        expect(b.scoreBp).toBeGreaterThanOrEqual(a.scoreBp);
      }),
    );

  it('weighs the five components 35 / 25 / 15 / 15 / 10, adding up to 100', () => {
    expect(WEIGHTS).toEqual({ ratings: 35, recovery: 25, reporting: 15, compliance: 15, responsiveness: 10 });
    expect(COMPONENT_KEYS.reduce((a, k) => a + WEIGHTS[k], 0)).toBe(100);
    // Equal components give that very score: the weights are a proper average.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (r) => {
        const level = ((r - 1) * FULL_BP) / 4;
        const even = computeScorecard({
          ...EMPTY,
          ratings: [r],
          commissions: [
            {
              commissionId: 'c',
              cases: 1000,
              placed: 400_000,
              expectedRecoveryBp: FULL_BP,
              termDays: 30,
              activeDays: 30,
              recovered: (r - 1) * 100_000,
            },
          ],
          reporting: { visitsOnTime: r - 1, visitsLate: 5 - r, evidenceOnTime: 0, evidenceLate: 0 },
          compliance: { flaggedActions: (5 - r) * 25, upheldComplaints: 0, upheldAbuse: 0 },
          responsiveness: { answersOnTime: r - 1, answersLate: 5 - r },
        });
        expect(even.components).toEqual({
          ratings: level,
          recovery: level,
          reporting: level,
          compliance: level,
          responsiveness: level,
        });
        expect(even.monthScoreBp).toBe(level);
      }),
    );
    const allFull = computeScorecard({
      ...EMPTY,
      ratings: [5],
      commissions: [
        {
          commissionId: 'c',
          cases: 10,
          placed: 100_000,
          expectedRecoveryBp: 1000,
          termDays: 30,
          activeDays: 30,
          recovered: 10_000,
        },
      ],
    });
    expect(allFull.components).toEqual({
      ratings: FULL_BP,
      recovery: FULL_BP,
      reporting: FULL_BP,
      compliance: FULL_BP,
      responsiveness: FULL_BP,
    });
    expect(allFull.monthScoreBp).toBe(FULL_BP);
    const allZero = computeScorecard({
      ...EMPTY,
      ratings: [1],
      commissions: [
        {
          commissionId: 'c',
          cases: 10,
          placed: 100_000,
          expectedRecoveryBp: 1000,
          termDays: 30,
          activeDays: 30,
          recovered: 0,
        },
      ],
      reporting: { visitsOnTime: 0, visitsLate: 1, evidenceOnTime: 0, evidenceLate: 1 },
      compliance: { flaggedActions: 1, upheldComplaints: 0, upheldAbuse: 0 },
      responsiveness: { answersOnTime: 0, answersLate: 2 },
    });
    expect(allZero.components).toEqual({ ratings: 0, recovery: 0, reporting: 0, compliance: 0, responsiveness: 0 });
    expect(allZero.monthScoreBp).toBe(0);
    expect(allZero.isZeroed).toBe(false);
  });

  it('keeps every component, the month and the score between 0 and 100', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        const r = computeScorecard(i);
        for (const k of COMPONENT_KEYS) {
          expect(r.components[k]).toBeGreaterThanOrEqual(0);
          expect(r.components[k]).toBeLessThanOrEqual(FULL_BP);
          expect(Number.isInteger(r.components[k])).toBe(true);
        }
        for (const v of [r.monthScoreBp, r.scoreBp]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(FULL_BP);
        }
      }),
    );
  });

  it('scores a month with nothing to measure 70: ratings and recovery at the midpoint, the obligations at full marks', () => {
    const r = computeScorecard(EMPTY);
    expect(r.components).toEqual({
      ratings: NEUTRAL_BP,
      recovery: NEUTRAL_BP,
      reporting: FULL_BP,
      compliance: FULL_BP,
      responsiveness: FULL_BP,
    });
    expect(r).toMatchObject({ monthScoreBp: 7_000, scoreBp: 7_000, isZeroed: false });
    // Money recovered where nothing was expected meets the expectation in full, as a tiny one would.
    const commission = {
      commissionId: 'c',
      cases: 1,
      placed: 1,
      expectedRecoveryBp: 0,
      termDays: 1,
      activeDays: 1,
      recovered: 1,
    };
    expect(computeScorecard({ ...EMPTY, commissions: [commission] }).components.recovery).toBe(FULL_BP);
    expect(
      computeScorecard({ ...EMPTY, commissions: [{ ...commission, expectedRecoveryBp: 10 }] }).components.recovery,
    ).toBe(FULL_BP);
  });

  it('sets the month to 0 after an upheld abuse complaint, whatever else happened', () => {
    fc.assert(
      fc.property(inputs, fc.integer({ min: 1, max: 5 }), (i, abuse) => {
        const r = computeScorecard({
          ...i,
          compliance: { ...i.compliance, upheldComplaints: i.compliance.upheldComplaints + abuse, upheldAbuse: abuse },
        });
        expect(r.isZeroed).toBe(true);
        expect(r.monthScoreBp).toBe(0);
        // The months before still count in the score shown.
        expect(r.scoreBp).toBe(weightedScore(i.month, 0, i.history));
      }),
    );
  });

  it('never falls when a rating rises, more is recovered, or more cases carry the same findings', () => {
    neverWorse((i, n) => {
      const ratings = i.ratings.length ? i.ratings : [1];
      const k = n % ratings.length;
      return [
        { ...i, ratings },
        { ...i, ratings: ratings.map((r, j) => (j === k ? Math.min(5, r + 1) : r)) },
      ];
    });
    neverWorse((i, n) => {
      const commissions = i.commissions.length
        ? i.commissions
        : [
            {
              commissionId: 'c',
              cases: 1,
              placed: 1e6,
              expectedRecoveryBp: 1500,
              termDays: 180,
              activeDays: 30,
              recovered: 0,
            },
          ];
      return [
        { ...i, commissions },
        { ...i, commissions: commissions.map((c, j) => (j === 0 ? { ...c, recovered: c.recovered + n * 1_000 } : c)) },
      ];
    });
    neverWorse((i, n) => {
      const commissions = i.commissions.length
        ? i.commissions
        : [{ commissionId: 'c', cases: 0, placed: 0, expectedRecoveryBp: 0, termDays: 1, activeDays: 0, recovered: 0 }];
      return [
        { ...i, commissions },
        { ...i, commissions: commissions.map((c, j) => (j === 0 ? { ...c, cases: c.cases + n } : c)) },
      ];
    });
    neverWorse((i, n) => [i, { ...i, reporting: { ...i.reporting, visitsOnTime: i.reporting.visitsOnTime + n } }]);
    neverWorse((i, n) => [i, { ...i, reporting: { ...i.reporting, evidenceOnTime: i.reporting.evidenceOnTime + n } }]);
    neverWorse((i, n) => [
      i,
      { ...i, responsiveness: { ...i.responsiveness, answersOnTime: i.responsiveness.answersOnTime + n } },
    ]);
  });

  it('never rises with more lateness, flags or upheld complaints, or a higher expectation', () => {
    neverWorse((i, n) => [{ ...i, reporting: { ...i.reporting, visitsLate: i.reporting.visitsLate + n } }, i]);
    neverWorse((i, n) => [{ ...i, reporting: { ...i.reporting, evidenceLate: i.reporting.evidenceLate + n } }, i]);
    neverWorse((i, n) => [
      { ...i, responsiveness: { ...i.responsiveness, answersLate: i.responsiveness.answersLate + n } },
      i,
    ]);
    neverWorse((i, n) => [
      { ...i, compliance: { ...i.compliance, flaggedActions: i.compliance.flaggedActions + n } },
      i,
    ]);
    neverWorse((i, n) => [
      { ...i, compliance: { ...i.compliance, upheldComplaints: i.compliance.upheldComplaints + n } },
      i,
    ]);
    neverWorse((i, n) => {
      const commissions = i.commissions.length
        ? i.commissions
        : [
            {
              commissionId: 'c',
              cases: 1,
              placed: 1e6,
              expectedRecoveryBp: 100,
              termDays: 180,
              activeDays: 30,
              recovered: 5_000,
            },
          ];
      return [
        {
          ...i,
          commissions: commissions.map((c, j) =>
            j === 0 ? { ...c, expectedRecoveryBp: Math.min(FULL_BP, c.expectedRecoveryBp + n * 10) } : c,
          ),
        },
        { ...i, commissions },
      ];
    });
    // Six properties of a hundred runs each: room for a loaded machine.
  }, 30_000);

  it('weighs this month 3, the month before 2 and the one before that 1, over the months that have a card', () => {
    expect(weightedScore('2026-06', 9_000, [])).toBe(9_000);
    expect(weightedScore('2026-06', 9_000, [{ month: '2026-05', monthScoreBp: 6_000 }])).toBe(7_800);
    expect(
      weightedScore('2026-06', 9_000, [
        { month: '2026-05', monthScoreBp: 6_000 },
        { month: '2026-04', monthScoreBp: 3_000 },
      ]),
    ).toBe(7_000);
    expect(weightedScore('2026-01', 9_000, [{ month: '2025-11', monthScoreBp: 3_000 }])).toBe(7_500);
    // Older months, or a month that is not before this one, do not count.
    expect(
      weightedScore('2026-06', 9_000, [
        { month: '2026-03', monthScoreBp: 0 },
        { month: '2026-06', monthScoreBp: 0 },
      ]),
    ).toBe(9_000);
    fc.assert(
      fc.property(clean, (i) => {
        const r = computeScorecard(i);
        const all = [r.monthScoreBp, ...i.history.map((h) => h.monthScoreBp)];
        expect(r.scoreBp).toBeGreaterThanOrEqual(Math.min(...all));
        expect(r.scoreBp).toBeLessThanOrEqual(Math.max(...all));
        // This month pulls hardest: swapping it with the month before moves the score towards the newer one.
        const last = i.history.find((h) => h.month === '2026-05');
        if (last) {
          const swapped = weightedScore(
            i.month,
            last.monthScoreBp,
            i.history.map((h) => (h === last ? { ...h, monthScoreBp: r.monthScoreBp } : h)),
          );
          if (r.monthScoreBp >= last.monthScoreBp) expect(r.scoreBp).toBeGreaterThanOrEqual(swapped);
          else expect(r.scoreBp).toBeLessThanOrEqual(swapped);
        }
      }),
    );
  });

  it('computes the same result from the same inputs after a trip through JSON', () => {
    fc.assert(
      fc.property(inputs, (i) => {
        expect(computeScorecard(JSON.parse(JSON.stringify(i)) as ScorecardInputs)).toEqual(computeScorecard(i));
      }),
    );
  });
});
