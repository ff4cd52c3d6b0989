import { z } from 'zod';
import { MONTH_PATTERN } from '@/lib/months';

const ZMonth = z.string().regex(MONTH_PATTERN);
/** The months a dashboard covers, `YYYY-MM`, both included. */
export const ZRange = z.object({ from: ZMonth, to: ZMonth });

export const ZRecovery = z.object({
  months: z.array(
    z.object({ month: z.string(), total: z.number().int(), byAgency: z.record(z.string(), z.number().int()) }),
  ),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      placed: z.number().int(),
      cases: z.number().int(),
      recovered: z.number().int(),
      rateBp: z.number().int(),
    }),
  ),
  direct: z.number().int(),
  total: z.number().int(),
});

export const ZPromiseQuality = z.array(
  z.object({
    agencyId: z.string(),
    agencyName: z.string(),
    promisesKept: z.number().int(),
    promisesBroken: z.number().int(),
    promisesOpen: z.number().int(),
    keptRateBp: z.number().int(),
    flagged: z.number().int(),
    casesPlaced: z.number().int(),
    flagsPerThousand: z.number(),
  }),
);

export const ZAgeing = z.array(
  z.object({
    bucket: z.number().int(),
    cases: z.number().int(),
    outstanding: z.number().int(),
    placed: z.number().int(),
  }),
);

export const ZRecoveryCurves = z.array(
  z.object({
    commissionId: z.string(),
    packageName: z.string(),
    agencyName: z.string(),
    startsOn: z.string(),
    placed: z.number().int(),
    points: z.array(z.object({ month: z.number().int(), recovered: z.number().int(), rateBp: z.number().int() })),
  }),
);

export const ZAgencyMoney = z.object({
  months: z.array(z.object({ month: z.string(), recovered: z.number().int(), commission: z.number().int() })),
  commissionEarned: z.number().int(),
  commissionPaid: z.number().int(),
  commissionPending: z.number().int(),
  awaitingCount: z.number().int(),
  awaitingSum: z.number().int(),
  promisesDueCount: z.number().int(),
  promisesDueSum: z.number().int(),
});
