import { saveSection as save } from '../../../domain/admission/applications';
import { applicantProcedure, requirePermission } from '../../trpc';
import { ZApplicationView, ZSectionDraft } from './application.schema';

export const saveSection = applicantProcedure
  .use(requirePermission('admission.apply'))
  .input(ZSectionDraft)
  .output(ZApplicationView)
  .mutation(({ ctx, input }) => save(ctx.db, ctx.caller, input));
