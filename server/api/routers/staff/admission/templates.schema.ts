import { z } from 'zod';
import { ZCriterionInput, ZPublishTemplate } from '../../../../domain/admission/templates.schema';

export { ZCriterionInput, type TPublishTemplate } from '../../../../domain/admission/templates.schema';

export const ZTemplateKind = z.object({ kind: z.enum(['creditor', 'agency']) });
export const ZTemplateRef = z.object({ templateId: z.uuid() });
/** The version the edit started from, so a concurrent publication is not silently overwritten. */
export const ZPublishInput = ZPublishTemplate.extend({ basedOnVersion: z.number().int().min(1).nullable() });

export const ZTemplateSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
  criteriaCount: z.number().int(),
  applicationCount: z.number().int(),
  isActive: z.boolean(),
});

export const ZTemplateView = z.object({
  id: z.string(),
  kind: z.enum(['creditor', 'agency', 'platform']),
  version: z.number().int(),
  criteria: z.array(ZCriterionInput),
  createdAt: z.date(),
  isActive: z.boolean(),
});
export type TTemplateView = z.infer<typeof ZTemplateView>;
