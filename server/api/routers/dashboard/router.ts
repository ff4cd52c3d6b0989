import { z } from 'zod';
import { MONTH_PATTERN } from '@/lib/months';
import { agencyMoney, creditorRecovery } from '../../../domain/money/dashboard';
import { agencyQuality, bucketAgeing, checkedRange, recoveryCurves } from '../../../domain/money/dashboard-quality';
import { agencyProcedure, creditorProcedure, requirePermission, router } from '../../trpc';

const ZMonth = z.string().regex(MONTH_PATTERN);

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

const ZRange = z.object({ from: ZMonth, to: ZMonth });

/** Per agency: promises falling due in the range kept and broken with the kept rate, and rule flags per 1,000 cases placed. */
const promises = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZRange)
  .output(
    z.array(
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
  )
  .query(({ ctx, input }) => agencyQuality(ctx.db, ctx.caller, checkedRange(input)));

/** The creditor's open debts by bucket, and how much of each is with an agency. */
const ageing = creditorProcedure
  .use(requirePermission('cases.read'))
  .output(z.array(z.object({ bucket: z.number().int(), cases: z.number().int(), outstanding: z.number().int(), placed: z.number().int() })))
  .query(({ ctx }) => bucketAgeing(ctx.db, ctx.caller));

/** Recovery curves by months since each commission that began in the range. */
const curves = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZRange)
  .output(
    z.array(
      z.object({
        commissionId: z.string(),
        packageName: z.string(),
        agencyName: z.string(),
        startsOn: z.string(),
        placed: z.number().int(),
        points: z.array(z.object({ month: z.number().int(), recovered: z.number().int(), rateBp: z.number().int() })),
      }),
    ),
  )
  .query(({ ctx, input }) => recoveryCurves(ctx.db, ctx.caller, checkedRange(input)));

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

export const dashboardRouter = router({ recovery, promises, ageing, curves, agency });
