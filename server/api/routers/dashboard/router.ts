import { agencyMoney, creditorRecovery } from '../../../domain/money/dashboard';
import { agencyQuality, bucketAgeing, checkedRange, recoveryCurves } from '../../../domain/money/dashboard-quality';
import { agencyProcedure, creditorProcedure, requirePermission, router } from '../../trpc';
import { ZAgeing, ZAgencyMoney, ZPromiseQuality, ZRange, ZRecovery, ZRecoveryCurves } from './dashboard.schema';

const creditorReader = creditorProcedure.use(requirePermission('cases.read'));

/** The money dashboards: the creditor's recovery and its agencies' quality, and the agency's own money. */
export const dashboardRouter = router({
  /** Confirmed money by month and agency, and each agency's recovery against what was placed with it. */
  recovery: creditorReader
    .input(ZRange)
    .output(ZRecovery)
    .query(({ ctx, input }) => creditorRecovery(ctx.db, ctx.caller, input)),
  /** Per agency: promises falling due in the range kept and broken with the kept rate, and rule flags per 1,000 cases placed. */
  promises: creditorReader
    .input(ZRange)
    .output(ZPromiseQuality)
    .query(({ ctx, input }) => agencyQuality(ctx.db, ctx.caller, checkedRange(input))),
  /** The creditor's open debts by bucket, and how much of each is with an agency. */
  ageing: creditorReader.output(ZAgeing).query(({ ctx }) => bucketAgeing(ctx.db, ctx.caller)),
  /** Recovery curves by months since each commission that began in the range. */
  curves: creditorReader
    .input(ZRange)
    .output(ZRecoveryCurves)
    .query(({ ctx, input }) => recoveryCurves(ctx.db, ctx.caller, checkedRange(input))),
  /** The agency's money: recovered and commission by month, commission earned, paid and pending, repayments waiting, promises due within a week. */
  agency: agencyProcedure
    .use(requirePermission('statements.read'))
    .input(ZRange)
    .output(ZAgencyMoney)
    .query(({ ctx, input }) => agencyMoney(ctx.db, ctx.caller, input)),
});
