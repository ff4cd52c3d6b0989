import { getTemplate } from '../../../../domain/admission/templates';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZTemplateRef, ZTemplateView } from './templates.schema';

export const getTemplateVersion = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZTemplateRef)
  .output(ZTemplateView)
  .query(({ ctx, input }) => getTemplate(ctx.db, input.templateId));
