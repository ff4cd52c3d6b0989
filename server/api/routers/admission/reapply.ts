import { reapply as start } from '../../../domain/admission/applications';
import { applicantProcedure, requirePermission } from '../../trpc';
import { ZApplicationView } from './application.schema';

export const reapply = applicantProcedure
  .use(requirePermission('admission.apply'))
  .output(ZApplicationView)
  .mutation(({ ctx }) => start(ctx.db, ctx.caller));
