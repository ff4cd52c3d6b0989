// Commission arithmetic: the fee on an amount rounds half away from zero, a reversal is the
// exact opposite, and the lines of any mix of repayments and reversals sum to the fee on
// what stayed paid (within a fen per line of rounding), never more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feeOf, insideTerm } from './commission';

describe('feeOf', () => {
  it.each([
    [10_000, 2500, 2_500],
    [1, 2500, 0],
    [2, 2500, 1],
    [3, 1666, 0],
    [30, 1666, 5],
    [123_456_789, 2300, 28_395_061],
    [-10_000, 2500, -2_500],
    [0, 2500, 0],
    [99, 10_000, 99],
  ])('%i fen at %i bp is %i fen', (amount, bp, fee) => {
    expect(feeOf(amount, bp)).toBe(fee);
  });

  it('a reversal cancels its line exactly, and lines never pay more than the rate on what stayed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.array(fc.record({ amount: fc.integer({ min: 1, max: 10_000_000_000 }), reversed: fc.boolean() }), {
          maxLength: 50,
        }),
        (bp, payments) => {
          const lines = payments.flatMap((p) =>
            p.reversed ? [feeOf(p.amount, bp), -feeOf(p.amount, bp)] : [feeOf(p.amount, bp)],
          );
          const total = lines.reduce((a, b) => a + b, 0);
          const stayed = payments.filter((p) => !p.reversed);
          const exact = stayed.reduce((a, p) => a + (p.amount * bp) / 10_000, 0);
          expect(Math.abs(total - exact)).toBeLessThanOrEqual(stayed.length * 0.5 + 1e-6);
          expect(total).toBe(stayed.reduce((a, p) => a + feeOf(p.amount, bp), 0));
        },
      ),
    );
  });
});

describe('insideTerm', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-03-31', true],
    ['2025-12-31', false],
    ['2026-04-01', false],
  ])('%s inside 2026-01-01…2026-03-31: %s', (day, inside) => {
    expect(insideTerm(day, { startsOn: '2026-01-01', endsOn: '2026-03-31' })).toBe(inside);
  });
});
