import { z } from 'zod';
import { ACTION_CHANNELS, ACTION_OUTCOMES, ACTION_TARGETS } from '@/lib/enums';

export const ZActivityInput = z.object({
  agencyId: z.uuid().optional(),
  isFlaggedOnly: z.boolean().optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
const ZValues = z.record(z.string(), z.union([z.string(), z.number()]));
export const ZActivity = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      caseId: z.string(),
      contractNo: z.string(),
      debtorName: z.string(),
      agencyName: z.string(),
      actorName: z.string(),
      channel: z.enum(ACTION_CHANNELS),
      target: z.enum(ACTION_TARGETS),
      contactNo: z.number().int().nullable(),
      phoneMasked: z.string().nullable(),
      outcome: z.enum(ACTION_OUTCOMES),
      note: z.string(),
      flags: z.array(z.object({ rule: z.string(), values: ZValues.optional() })),
      correctsId: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type TActivity = z.infer<typeof ZActivity>;
export const ZIntensityInput = z.object({ days: z.number().int().min(1).max(366).default(30) });
export const ZIntensity = z.array(
  z.object({
    agencyId: z.string(),
    agencyName: z.string(),
    actions: z.number().int(),
    calls: z.number().int(),
    answered: z.number().int(),
    flagged: z.number().int(),
    visits: z.number().int(),
    visitFlags: z.number().int(),
    cases: z.number().int(),
    actors: z.number().int(),
  }),
);
export type TIntensity = z.infer<typeof ZIntensity>;
