import { z } from 'zod';
import { agencyMoney, creditorRecovery } from '../../../domain/money/dashboard';
import { creditorQuality } from '../../../domain/money/dashboard-quality';
import { agencyProcedure, creditorProcedure, requirePermission, router } from '../../trpc';

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** Confirmed money by month and agency, and each agency's recovery against what was placed with it. */
const recovery = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(z.object({ from: ZMonth, to: ZMonth }))
  .output(
    z.object({
      months: z.array(z.object({ month: z.string(), total: z.number().int(), byAgency: z.record(z.string(), z.number().int()) })),
      agencies: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), placed: z.number().int(), cases: z.number().int(), recovered: z.number().int(), rateBp: z.number().int() })),
      direct: z.number().int(),
      total: z.number().int(),
    }),
  )
  .query(({ ctx, input }) => creditorRecovery(ctx.db, ctx.caller, input));

/** Promise-kept rate and rule flags per agency, open debts by bucket, and recovery curves by months since each commission began. */
const quality = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(z.object({ from: ZMonth, to: ZMonth }))
  .output(
    z.object({
      agencies: z.array(
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
      ),
      ageing: z.array(z.object({ bucket: z.number().int(), cases: z.number().int(), outstanding: z.number().int(), placed: z.number().int() })),
      curves: z.array(
        z.object({
          commissionId: z.string(),
          packageName: z.string(),
          agencyName: z.string(),
          startsOn: z.string(),
          placed: z.number().int(),
          points: z.array(z.object({ month: z.number().int(), recovered: z.number().int(), rateBp: z.number().int() })),
        }),
      ),
    }),
  )
  .query(({ ctx, input }) => creditorQuality(ctx.db, ctx.caller, input));

/** The agency's money: recovered and commission by month, commission earned, paid and pending, repayments waiting, promises due within a week. */
const agency = agencyProcedure
  .use(requirePermission('statements.read'))
  .input(z.object({ from: ZMonth, to: ZMonth }))
  .output(
    z.object({
      months: z.array(z.object({ month: z.string(), recovered: z.number().int(), commission: z.number().int() })),
      commissionEarned: z.number().int(),
      commissionPaid: z.number().int(),
      commissionPending: z.number().int(),
      awaitingCount: z.number().int(),
      awaitingSum: z.number().int(),
      promisesDueCount: z.number().int(),
      promisesDueSum: z.number().int(),
    }),
  )
  .query(({ ctx, input }) => agencyMoney(ctx.db, ctx.caller, input));

export const dashboardRouter = router({ recovery, quality, agency });
