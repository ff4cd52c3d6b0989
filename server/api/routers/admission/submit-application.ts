import { submitApplication as submit } from '../../../domain/admission/applications';
import { applicantProcedure, requirePermission } from '../../trpc';
import { ZApplicationView } from './application.schema';

export const submitApplication = applicantProcedure
  .use(requirePermission('admission.apply'))
  .output(ZApplicationView)
  .mutation(({ ctx }) => submit(ctx.db, ctx.caller));
