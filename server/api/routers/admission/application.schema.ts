import { z } from 'zod';
import { APPLICATION_STATUSES, TIERS } from '@/db/enums';

export { ZSectionDraft, type TSectionDraft } from '../../../domain/admission/sections.schema';

export const ZApplicationView = z.object({
  id: z.string(),
  kind: z.enum(['creditor', 'agency']),
  status: z.enum(APPLICATION_STATUSES),
  isRenewal: z.boolean(),
  sections: z.record(z.string(), z.unknown()),
  legalRepIdMasked: z.string().nullable(),
  completeness: z.record(z.string(), z.boolean()),
  isComplete: z.boolean(),
  isEditable: z.boolean(),
  infoRequest: z.string().nullable(),
  submittedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  tier: z.enum(TIERS).nullable(),
  decisionReason: z.string().nullable(),
  updatedAt: z.date(),
});
export type TApplicationView = z.infer<typeof ZApplicationView>;
