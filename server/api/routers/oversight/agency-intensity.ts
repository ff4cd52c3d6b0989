import { agencyIntensity as intensity } from '../../../domain/work/oversight';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZIntensity, ZIntensityInput } from './oversight.schema';

/** Per agency over the last days: contact intensity and rule flags. */
export const agencyIntensity = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZIntensityInput)
  .output(ZIntensity)
  .query(({ ctx, input }) => intensity(ctx.db, ctx.caller, { since: new Date(Date.now() - input.days * 86_400_000) }));
