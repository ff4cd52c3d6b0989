import { agencyIntensity, listActivity } from '../../../domain/work/oversight';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZActivity, ZActivityInput, ZIntensity, ZIntensityInput } from './oversight.schema';

const reader = creditorProcedure.use(requirePermission('cases.read'));

/** The creditor's live view of its agencies' work. */
export const oversightRouter = router({
  /** Every action of every agency on the creditor's cases, newest first. */
  activity: reader
    .input(ZActivityInput)
    .output(ZActivity)
    .query(({ ctx, input }) => listActivity(ctx.db, ctx.caller, input)),
  /** Per agency over the last days: contact intensity and rule flags. */
  intensity: reader
    .input(ZIntensityInput)
    .output(ZIntensity)
    .query(({ ctx, input }) =>
      agencyIntensity(ctx.db, ctx.caller, { since: new Date(Date.now() - input.days * 86_400_000) }),
    ),
});
