import { z } from 'zod';
import { getTemplate, listTemplates, publishTemplate } from '../../../../domain/admission/templates';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZPublishInput, ZTemplateKind, ZTemplateRef, ZTemplateSummary, ZTemplateView } from './templates.schema';

export const listTemplateVersions = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZTemplateKind)
  .output(z.array(ZTemplateSummary))
  .query(({ ctx, input }) => listTemplates(ctx.db, input.kind));

export const getTemplateVersion = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZTemplateRef)
  .output(ZTemplateView)
  .query(({ ctx, input }) => getTemplate(ctx.db, input.templateId));

export const publishTemplateVersion = staffProcedure
  .use(requirePermission('admission.templates.manage'))
  .input(ZPublishInput)
  .output(ZTemplateView)
  .mutation(({ ctx, input: { basedOnVersion, ...template } }) => publishTemplate(ctx.db, ctx.caller, template, basedOnVersion));
