import { z } from 'zod';
import { ORG_STATUSES } from '@/lib/enums';
import { MONTH_PATTERN } from '@/lib/months';

// Monthly agency scorecards and creditors' ratings (DESIGN §7). The inputs schema is the
// formula's (v3's; v1 and v2 cards have no calls or inspections), so an export can be
// parsed back and computed again.

export const ZMonth = z.string().regex(MONTH_PATTERN, { error: 'v.month' });
const ZInt = z.number().int();
const ZCount = z.number().int().min(0);

export const ZRateInput = z.object({
  agencyId: z.uuid(),
  month: ZMonth,
  rating: z.number().int().min(1, { error: 'v.rating' }).max(5, { error: 'v.rating' }),
  comment: z.string().trim().min(1).max(500),
});
/** The rating form of one agency and month: the stars and the comment. */
export const ZRateForm = ZRateInput.pick({ rating: true, comment: true });
export const ZMonthInput = z.object({ month: ZMonth });
export const ZMineInput = z.object({ month: ZMonth.nullish() });
export const ZAgencyInput = ZMineInput.extend({ agencyId: z.uuid() });
export const ZExportInput = z.object({ agencyId: z.uuid(), month: ZMonth });

export const ZRating = z.object({
  agencyId: z.string(),
  month: z.string(),
  rating: ZInt,
  comment: z.string(),
  ratedAt: z.date(),
});
export const ZRatingList = z.object({
  current: z.string(),
  previous: z.string(),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      months: z.array(
        z.object({
          month: z.string(),
          canRate: z.boolean(),
          rating: ZInt.nullable(),
          comment: z.string(),
          ratedAt: z.date().nullable(),
        }),
      ),
    }),
  ),
});
export type TRatingList = z.infer<typeof ZRatingList>;

/** The formula's inputs (server/domain/scorecards/formula.ts); `calls` and `inspections` from v3 on. */
export const ZScorecardInputs = z.object({
  month: z.string(),
  ratings: z.array(z.number().int().min(1).max(5)),
  commissions: z.array(
    z.object({
      commissionId: z.string(),
      cases: ZCount,
      placed: ZCount,
      expectedRecoveryBp: ZCount,
      termDays: ZCount,
      activeDays: ZCount,
      recovered: ZInt,
    }),
  ),
  reporting: z.object({ visitsOnTime: ZCount, visitsLate: ZCount, evidenceOnTime: ZCount, evidenceLate: ZCount }),
  compliance: z.object({ flaggedActions: ZCount, upheldComplaints: ZCount, upheldAbuse: ZCount }),
  responsiveness: z.object({ answersOnTime: ZCount, answersLate: ZCount }),
  history: z.array(z.object({ month: z.string(), monthScoreBp: ZInt })),
  calls: z
    .object({
      outboundCalls: ZCount,
      violations: ZCount,
      outboundRecords: ZCount,
      shadowContacts: ZCount,
      loggedContacts: ZCount,
      phantomActions: ZCount,
    })
    .optional(),
  inspections: z
    .object({ byPlatform: ZCount, averageScoreBp: ZCount, fatalFindings: ZCount, byAgency: ZCount })
    .optional(),
});
export type TScorecardInputs = z.infer<typeof ZScorecardInputs>;

export const ZComponents = z.object({
  ratings: ZInt,
  recovery: ZInt,
  reporting: ZInt,
  compliance: ZInt,
  responsiveness: ZInt,
});
export type TComponents = z.infer<typeof ZComponents>;

export const ZScorecard = z.object({
  id: z.string(),
  month: z.string(),
  formulaVersion: ZInt,
  monthScoreBp: ZInt,
  scoreBp: ZInt,
  isZeroed: z.boolean(),
  components: ZComponents,
  inputs: ZScorecardInputs,
  figures: z.object({ expectedRecovery: ZInt, recovered: ZInt, cases: ZInt }),
  computedAt: z.date(),
});
export type TScorecard = z.infer<typeof ZScorecard>;

export const ZTrendPoint = z.object({ month: z.string(), scoreBp: ZInt, monthScoreBp: ZInt, isZeroed: z.boolean() });
export const ZAgencyScorecard = z.object({
  agency: z.object({ id: z.string(), name: z.string() }),
  card: ZScorecard.nullable(),
  trend: z.array(ZTrendPoint),
});
export type TAgencyScorecard = z.infer<typeof ZAgencyScorecard>;

export const ZScorecardExport = z.object({
  formulaVersion: ZInt,
  agency: z.object({ id: z.string(), name: z.string() }),
  month: z.string(),
  inputs: ZScorecardInputs,
  result: z.object({ components: ZComponents, monthScoreBp: ZInt, scoreBp: ZInt, isZeroed: z.boolean() }),
  computedAt: z.date(),
});
export type TScorecardExport = z.infer<typeof ZScorecardExport>;

export const ZMonthScorecards = z.object({
  month: z.string(),
  isEnded: z.boolean(),
  isComputing: z.boolean(),
  computedAt: z.date().nullable(),
  cards: z.array(
    ZScorecard.extend({ agencyId: z.string(), agencyName: z.string(), agencyStatus: z.enum(ORG_STATUSES) }),
  ),
});
export type TMonthScorecards = z.infer<typeof ZMonthScorecards>;

export const ZRecomputeResult = z.object({ month: z.string(), isQueued: z.boolean() });
