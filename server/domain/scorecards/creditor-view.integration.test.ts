// A creditor reading an agency's scorecard sees its own commissions as they are and every
// other creditor's without its id: nothing names another creditor's commission, and the
// formula computed on what it exports still gives the stored score.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { commissions, scorecards } from '@/db/schema';
import { freshWorldPerTest } from '../../testing/lifecycle';
import { workingCases } from '../../testing/work';
import { callerAs } from '../../testing/world';
import { computeScorecard, emptyInputs, FORMULA_VERSION, type ScorecardInputs } from './formula';

const ctx = freshWorldPerTest();

describe('a scorecard as a creditor reads it', () => {
  it('hides the ids of other creditors’ commissions and still computes the same score', async () => {
    const { pkg } = await workingCases(ctx.w, 2);
    const [own] = await ctx.handle.db
      .select({ id: commissions.id })
      .from(commissions)
      .where(eq(commissions.packageId, pkg.id));
    const month = '2026-01';
    const inputs: ScorecardInputs = {
      ...emptyInputs(month),
      ratings: [4],
      commissions: [
        {
          commissionId: own?.id ?? '',
          cases: 2,
          placed: 1_000_000,
          expectedRecoveryBp: 1_500,
          termDays: 180,
          activeDays: 31,
          recovered: 20_000,
        },
        {
          commissionId: '11111111-1111-4111-8111-111111111111',
          cases: 40,
          placed: 9_000_000,
          expectedRecoveryBp: 2_000,
          termDays: 90,
          activeDays: 31,
          recovered: 150_000,
        },
        {
          commissionId: '22222222-2222-4222-8222-222222222222',
          cases: 10,
          placed: 3_000_000,
          expectedRecoveryBp: 1_000,
          termDays: 365,
          activeDays: 12,
          recovered: 7_000,
        },
      ],
    };
    const result = computeScorecard(inputs, FORMULA_VERSION);
    await ctx.handle.db.insert(scorecards).values({
      agencyId: ctx.w.orgs.agencyA.id,
      month,
      formulaVersion: FORMULA_VERSION,
      monthScoreBp: result.monthScoreBp,
      scoreBp: result.scoreBp,
      isZeroed: result.isZeroed ? 1 : 0,
      components: result.components,
      inputs,
    });

    const creditor = await callerAs(ctx.handle.db, ctx.w.users['creditorA.viewer']);
    const seen = await creditor.scorecards.export({ agencyId: ctx.w.orgs.agencyA.id, month });
    expect(seen.inputs.commissions.map((c) => c.commissionId)).toEqual([own?.id, 'other-1', 'other-2']);
    expect(JSON.stringify(seen)).not.toContain('11111111-1111');
    expect(computeScorecard(seen.inputs, seen.formulaVersion)).toEqual(result);
    // The agency itself and staff read every commission.
    const agency = await callerAs(ctx.handle.db, ctx.w.users['agencyA.admin']);
    expect(
      (await agency.scorecards.export({ agencyId: ctx.w.orgs.agencyA.id, month })).inputs.commissions,
    ).toHaveLength(3);
  });
});
