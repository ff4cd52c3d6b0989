import { attachDocument, removeDocument } from '../../../domain/admission/document-actions';
import { applicantProcedure, requirePermission } from '../../trpc';
import { ZApplicationView, ZAttachDocument, ZRemoveDocument } from './application.schema';

const applicant = applicantProcedure.use(requirePermission('admission.apply'));

export const attach = applicant
  .input(ZAttachDocument)
  .output(ZApplicationView)
  .mutation(({ ctx, input }) => attachDocument(ctx.db, ctx.caller, input));

export const remove = applicant
  .input(ZRemoveDocument)
  .output(ZApplicationView)
  .mutation(({ ctx, input }) => removeDocument(ctx.db, ctx.caller, input));
