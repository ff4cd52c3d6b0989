// Scorecard formula v3 (issue 19): the agency's call records and the inspections of its
// calls, at their boundaries. No call record and no inspection: v2's result. Machine-
// detected violations per 1,000 matched outbound calls and the platform's inspections
// under compliance; shadow contacts and phantom actions as shares under reporting. v2
// keeps its own path: a v2 card computed again ignores call figures it never had.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CALL_VIOLATION_POINTS,
  computeScorecard,
  emptyCallInputs,
  emptyInputs,
  emptyInspectionInputs,
  FORMULA_VERSION,
  FULL_BP,
  inputsOfVersion,
  type CallInputs,
  type InspectionInputs,
  type ScorecardInputs,
} from './formula';

const MONTH = '2026-06';
/** A month with 1,000 cases placed and nothing else found. */
const base: ScorecardInputs = {
  ...emptyInputs(MONTH),
  ratings: [4],
  commissions: [
    {
      commissionId: 'c',
      cases: 1_000,
      placed: 10_000_000,
      expectedRecoveryBp: 1_000,
      termDays: 30,
      activeDays: 30,
      recovered: 1_000_000,
    },
  ],
};
const withCalls = (calls: Partial<CallInputs>, inspections: Partial<InspectionInputs> = {}): ScorecardInputs => ({
  ...base,
  calls: { ...emptyCallInputs(), ...calls },
  inspections: { ...emptyInspectionInputs(), ...inspections },
});
const v3 = (i: ScorecardInputs) => computeScorecard(i, 3);

describe('scorecard formula v3', () => {
  it('is the current version, and gives v2’s result when the agency sent no call record and nobody inspected', () => {
    expect(FORMULA_VERSION).toBe(3);
    expect(v3(base)).toEqual(computeScorecard(base, 2));
    // A v2 card's inputs have no call fields at all: v3 reads them as nothing measured.
    expect(v3(inputsOfVersion(base, 2))).toEqual(computeScorecard(base, 2));
    expect(inputsOfVersion(base, 2)).not.toHaveProperty('calls');
    expect(inputsOfVersion(base, 3)).toHaveProperty('calls');
    expect(v3(base).components).toMatchObject({ reporting: FULL_BP, compliance: FULL_BP });
    // Logged calls while no dialer was connected count nowhere (the gather leaves them out): nothing either.
    expect(v3(withCalls({ outboundCalls: 0, outboundRecords: 0, loggedContacts: 0 })).components).toMatchObject({
      reporting: FULL_BP,
      compliance: FULL_BP,
    });
  });

  it('takes CALL_VIOLATION_POINTS per machine-detected violation per 1,000 matched outbound calls off compliance', () => {
    expect(CALL_VIOLATION_POINTS).toBe(2);
    // 5 violations in 1,000 calls: 10 points.
    expect(v3(withCalls({ outboundCalls: 1_000, outboundRecords: 1_000, violations: 5 })).components.compliance).toBe(
      9_000,
    );
    // The same 5 in 10,000 calls: 1 point.
    expect(v3(withCalls({ outboundCalls: 10_000, outboundRecords: 10_000, violations: 5 })).components.compliance).toBe(
      9_900,
    );
    // One in 3 calls: 666.7 points lost, clamped at 0.
    expect(v3(withCalls({ outboundCalls: 3, outboundRecords: 3, violations: 1 })).components.compliance).toBe(0);
    // None: full marks, however many calls.
    expect(v3(withCalls({ outboundCalls: 50_000, outboundRecords: 50_000 })).components.compliance).toBe(FULL_BP);
    // No matched outbound call (messages only): the call part measures nothing.
    expect(v3(withCalls({ outboundCalls: 0, outboundRecords: 40, violations: 2 })).components.compliance).toBe(FULL_BP);
    // v2's flags and complaints per 1,000 cases still count beside them: 3 flags, 1 complaint = 13 points, 5 violations = 10.
    const both = withCalls({ outboundCalls: 1_000, outboundRecords: 1_000, violations: 5 });
    expect(
      v3({ ...both, compliance: { flaggedActions: 3, upheldComplaints: 1, upheldAbuse: 0 } }).components.compliance,
    ).toBe(7_700);
  });

  it('counts shadow contacts and phantom actions as shares beside visits on time, the mean of what was measured', () => {
    // A quarter of the records with no logged action: 75.
    expect(v3(withCalls({ outboundRecords: 100, shadowContacts: 25 })).components.reporting).toBe(7_500);
    // A fifth of the logged calls with no record: 80.
    expect(v3(withCalls({ loggedContacts: 50, phantomActions: 10 })).components.reporting).toBe(8_000);
    // Both: their mean.
    expect(
      v3(withCalls({ outboundRecords: 100, shadowContacts: 25, loggedContacts: 50, phantomActions: 10 })).components
        .reporting,
    ).toBe(7_750);
    // With visits, half on time: (50 + 75 + 80) / 3.
    const all = {
      ...withCalls({ outboundRecords: 100, shadowContacts: 25, loggedContacts: 50, phantomActions: 10 }),
      reporting: { visitsOnTime: 1, visitsLate: 1, evidenceOnTime: 0, evidenceLate: 0 },
    };
    expect(v3(all).components.reporting).toBe(6_833);
    expect(computeScorecard(all, 2).components.reporting).toBe(5_000);
    // Every record paired and every logged call recorded: full marks.
    expect(v3(withCalls({ outboundRecords: 100, loggedContacts: 100 })).components.reporting).toBe(FULL_BP);
    // Nothing but shadows: 0.
    expect(v3(withCalls({ outboundRecords: 7, shadowContacts: 7 })).components.reporting).toBe(0);
  });

  it('weighs a call the platform failed on a fatal item like an upheld complaint, and takes a quarter of the inspected calls’ shortfall', () => {
    // One fatal finding per 1,000 cases: 10 points, as an upheld complaint.
    const fatal = withCalls({ outboundCalls: 200, outboundRecords: 200 }, { byPlatform: 1, fatalFindings: 1 });
    // Its score is 0 (a fatal item fails the call): a quarter of 100 points short is 25 more.
    expect(v3(fatal).components.compliance).toBe(FULL_BP - 1_000 - 2_500);
    const complaint = {
      ...withCalls({ outboundCalls: 200, outboundRecords: 200 }, { byPlatform: 1, averageScoreBp: 0 }),
      compliance: { flaggedActions: 0, upheldComplaints: 1, upheldAbuse: 0 },
    };
    expect(v3(complaint).components.compliance).toBe(v3(fatal).components.compliance);
    // Not a zeroed month: that takes an upheld abuse complaint.
    expect(v3(fatal).isZeroed).toBe(false);
    // Inspected calls averaging 80: 5 points.
    expect(v3(withCalls({}, { byPlatform: 4, averageScoreBp: 8_000 })).components.compliance).toBe(9_500);
    // Full marks on every inspected call: nothing lost.
    expect(v3(withCalls({}, { byPlatform: 4, averageScoreBp: FULL_BP })).components.compliance).toBe(FULL_BP);
    // The agency's own inspections are shown, not scored.
    expect(v3(withCalls({}, { byAgency: 12 }))).toEqual(v3(base));
  });

  it('never rises with more violations, shadow contacts, phantom actions, fatal findings or a lower inspection average', () => {
    const calls = fc.record({
      outboundCalls: fc.integer({ min: 0, max: 20_000 }),
      violations: fc.integer({ min: 0, max: 500 }),
      outboundRecords: fc.integer({ min: 0, max: 20_000 }),
      shadowContacts: fc.integer({ min: 0, max: 500 }),
      loggedContacts: fc.integer({ min: 0, max: 20_000 }),
      phantomActions: fc.integer({ min: 0, max: 500 }),
    });
    const inspections = fc.record({
      byPlatform: fc.integer({ min: 0, max: 20 }),
      averageScoreBp: fc.integer({ min: 0, max: FULL_BP }),
      fatalFindings: fc.integer({ min: 0, max: 5 }),
      byAgency: fc.integer({ min: 0, max: 20 }),
    });
    const worse: ((c: CallInputs, i: InspectionInputs, n: number) => [CallInputs, InspectionInputs])[] = [
      (c, i, n) => [{ ...c, violations: c.violations + n }, i],
      (c, i, n) => [{ ...c, shadowContacts: Math.min(c.outboundRecords, c.shadowContacts + n) }, i],
      (c, i, n) => [{ ...c, phantomActions: Math.min(c.loggedContacts, c.phantomActions + n) }, i],
      (c, i, n) => [c, { ...i, fatalFindings: i.fatalFindings + n }],
      (c, i, n) => [c, { ...i, averageScoreBp: Math.max(0, i.averageScoreBp - n * 100) }],
    ];
    fc.assert(
      fc.property(calls, inspections, fc.integer({ min: 1, max: 50 }), (c, i, n) => {
        const before = v3(withCalls(c, i));
        for (const make of worse) {
          const [wc, wi] = make(c, i, n);
          const after = v3(withCalls(wc, wi));
          expect(after.monthScoreBp).toBeLessThanOrEqual(before.monthScoreBp);
          expect(after.components.compliance).toBeLessThanOrEqual(before.components.compliance);
          expect(after.components.reporting).toBeLessThanOrEqual(before.components.reporting);
        }
      }),
    );
  });

  it('keeps v2’s path: a v2 card ignores call figures, and an unknown version is refused', () => {
    const busy = withCalls(
      { outboundCalls: 1_000, violations: 40, outboundRecords: 1_000, shadowContacts: 500 },
      { byPlatform: 3, averageScoreBp: 2_000, fatalFindings: 2 },
    );
    expect(computeScorecard(busy, 2)).toEqual(computeScorecard(inputsOfVersion(busy, 2), 2));
    expect(computeScorecard(busy, 2)).toEqual(computeScorecard(base, 2));
    expect(v3(busy).monthScoreBp).toBeLessThan(computeScorecard(busy, 2).monthScoreBp);
    // v1 computed alike (it differed in what was gathered).
    expect(computeScorecard(busy, 1)).toEqual(computeScorecard(busy, 2));
    expect(() => computeScorecard(base, 4)).toThrow();
    expect(() => computeScorecard(base, 0)).toThrow();
  });
});
