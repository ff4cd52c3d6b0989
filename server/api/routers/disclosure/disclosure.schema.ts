import { z } from 'zod';
import { COMPLAINT_CATEGORIES } from '@/lib/enums';
import { MONTH_PATTERN } from '@/lib/months';

export const ZMonthInput = z.object({ month: z.string().regex(MONTH_PATTERN, { error: 'v.month' }) });
export const ZDisclosureIdInput = z.object({ id: z.uuid() });
export const ZPublishedListInput = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

const ZRow = z.object({
  id: z.string(),
  name: z.string(),
  cases: z.number().int(),
  amount: z.number().int(),
  recovered: z.number().int(),
  rateBp: z.number().int(),
});

export const ZDisclosureFigures = z.object({
  month: z.string(),
  creditorName: z.string().nullable(),
  placements: z.object({ commissions: z.number().int(), cases: z.number().int(), amount: z.number().int() }),
  underCollection: z.object({ cases: z.number().int(), amount: z.number().int() }),
  recovered: z.object({
    amount: z.number().int(),
    repayments: z.number().int(),
    rateBp: z.number().int(),
    commission: z.number().int(),
  }),
  settledCases: z.number().int(),
  unrecoverableCases: z.number().int(),
  complaints: z.object({
    received: z.number().int(),
    upheld: z.number().int(),
    dismissed: z.number().int(),
    openAtEnd: z.number().int(),
    byCategory: z.array(
      z.object({
        category: z.enum(COMPLAINT_CATEGORIES),
        received: z.number().int(),
        upheld: z.number().int(),
        dismissed: z.number().int(),
      }),
    ),
  }),
  agencies: z.array(ZRow),
  creditors: z.array(ZRow),
});
export type TDisclosureFigures = z.infer<typeof ZDisclosureFigures>;

export const ZPublication = z.object({ id: z.string(), publishedAt: z.date() });
export const ZDisclosure = z.object({ figures: ZDisclosureFigures, published: ZPublication.nullable() });

export const ZPublishedDisclosure = z.object({
  id: z.string(),
  month: z.string(),
  creditorName: z.string(),
  figures: ZDisclosureFigures,
  publishedAt: z.date(),
});
export const ZPublishedList = z.object({ items: z.array(ZPublishedDisclosure), nextCursor: z.string().nullable() });
