import { z } from 'zod';
import { TEMPLATE_STATUSES } from '@/lib/enums';
import { ZTemplate } from '../work/work.schema';

// The creditor's side of the templates agencies submit through the work router.
export const ZCreditorTemplatesInput = z.object({
  status: z.enum(TEMPLATE_STATUSES).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZCreditorTemplates = z.object({ items: z.array(ZTemplate), nextCursor: z.string().nullable() });
export const ZDecideTemplateInput = z.object({
  templateId: z.uuid(),
  approve: z.boolean(),
  note: z.string().trim().max(500),
});
