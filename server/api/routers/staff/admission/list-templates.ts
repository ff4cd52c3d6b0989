import { z } from 'zod';
import { listTemplates } from '../../../../domain/admission/templates';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZTemplateKind, ZTemplateSummary } from './templates.schema';

export const listTemplateVersions = staffProcedure
  .use(requirePermission('admission.review'))
  .input(ZTemplateKind)
  .output(z.array(ZTemplateSummary))
  .query(({ ctx, input }) => listTemplates(ctx.db, input.kind));
