import { z } from 'zod';
import { CRITERION_GROUPS } from '@/lib/enums';

// A scoring template version as staff edit it: criteria with weights summing to 100,
// each with a label and guidance in both languages (DESIGN §7).

const ZBilingual = (max: number) =>
  z.object({ 'zh-CN': z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const ZCriterionInput = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z0-9]{1,39}$/),
  weight: z.number().int().min(1).max(100),
  group: z.enum(CRITERION_GROUPS),
  label: ZBilingual(60),
  guidance: ZBilingual(500),
});

export const ZPublishTemplate = z.object({
  kind: z.enum(['creditor', 'agency']),
  criteria: z.array(ZCriterionInput).min(1).max(30),
});
export type TPublishTemplate = z.infer<typeof ZPublishTemplate>;
