// Restructuring arithmetic (DESIGN §3, §5): integer fen, instalments add up to the amount,
// months that are shorter clamp to their last day, and the package's bands decide whether
// the plan is approved at once.
import { describe, expect, it } from 'vitest';
import { addMonths, planOf } from './restructure-plan';

const BANDS = { maxReductionBp: 2000, maxInstalments: 12 };
const TODAY = '2026-11-23';

describe('planOf', () => {
  it('reduces in integer fen and is inside the band up to the package maximum', () => {
    expect(planOf('reduction', { reductionBp: 2000, firstDueDate: '2026-12-01' }, 123_457, BANDS, TODAY)).toEqual({
      total: 98_766,
      schedule: [{ dueDate: '2026-12-01', amount: 98_766 }],
      isWithinBands: true,
    });
    expect(planOf('reduction', { reductionBp: 2001, firstDueDate: '2026-12-01' }, 100_000, BANDS, TODAY)).toMatchObject(
      { isWithinBands: false },
    );
    expect(planOf('reduction', { reductionBp: 10_000, firstDueDate: '2026-12-01' }, 100_000, BANDS, TODAY)).toBe(
      'reductionBp',
    );
  });

  it('splits into monthly instalments that add up to the fen', () => {
    const plan = planOf('instalments', { instalments: 3, firstDueDate: '2026-12-20' }, 100_000, BANDS, TODAY);
    expect(plan).toEqual({
      total: 100_000,
      schedule: [
        { dueDate: '2026-12-20', amount: 33_333 },
        { dueDate: '2027-01-20', amount: 33_333 },
        { dueDate: '2027-02-20', amount: 33_334 },
      ],
      isWithinBands: true,
    });
    expect(planOf('instalments', { instalments: 13, firstDueDate: '2026-12-01' }, 100_000, BANDS, TODAY)).toMatchObject(
      { isWithinBands: false },
    );
    expect(planOf('instalments', { instalments: 1, firstDueDate: '2027-01-01' }, 100_000, BANDS, TODAY)).toBe(
      'instalments',
    );
    // Every instalment is at least one fen: 5 fen still owed cannot be paid in 6.
    expect(planOf('instalments', { instalments: 6, firstDueDate: '2026-12-01' }, 5, BANDS, TODAY)).toBe('instalments');
    expect(planOf('instalments', { instalments: 5, firstDueDate: '2026-12-01' }, 5, BANDS, TODAY)).toMatchObject({
      total: 5,
    });
  });

  it('leaves a plan starting more than 30 days out to the creditor (it is a deferral in disguise)', () => {
    expect(planOf('reduction', { reductionBp: 100, firstDueDate: '2026-12-23' }, 10_000, BANDS, TODAY)).toMatchObject({
      isWithinBands: true,
    });
    expect(planOf('reduction', { reductionBp: 100, firstDueDate: '2026-12-24' }, 10_000, BANDS, TODAY)).toMatchObject({
      isWithinBands: false,
    });
    expect(planOf('instalments', { instalments: 3, firstDueDate: '2027-03-01' }, 10_000, BANDS, TODAY)).toMatchObject({
      isWithinBands: false,
    });
  });

  it('always leaves a deferral to the creditor, and refuses dates in the past', () => {
    expect(planOf('deferral', { deferTo: '2027-02-01' }, 50_000, BANDS, TODAY)).toEqual({
      total: 50_000,
      schedule: [{ dueDate: '2027-02-01', amount: 50_000 }],
      isWithinBands: false,
    });
    expect(planOf('deferral', { deferTo: TODAY }, 50_000, BANDS, TODAY)).toBe('deferTo');
    expect(planOf('reduction', { reductionBp: 100, firstDueDate: '2026-11-22' }, 50_000, BANDS, TODAY)).toBe(
      'firstDueDate',
    );
  });

  it('adds months across year ends and leap years', () => {
    expect(['2027-12-15', '2028-01-31', '2027-11-30'].map((d) => addMonths(d, 1))).toEqual([
      '2028-01-15',
      '2028-02-29',
      '2027-12-30',
    ]);
  });
});
