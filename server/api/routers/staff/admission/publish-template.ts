import { publishTemplate } from '../../../../domain/admission/templates';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZPublishInput, ZTemplateView } from './templates.schema';

export const publishTemplateVersion = staffProcedure
  .use(requirePermission('admission.templates.manage'))
  .input(ZPublishInput)
  .output(ZTemplateView)
  .mutation(({ ctx, input: { basedOnVersion, ...template } }) => publishTemplate(ctx.db, ctx.caller, template, basedOnVersion));
