import { z } from 'zod';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';
import { HOLD_DECISIONS } from '@/lib/enums';
import { ZHold } from '../work/protections.schema';

// The creditor's side of holds on collection (a debtor reported deceased, a debt disputed).
export const ZHoldsInput = z.object({
  status: z.enum(['open', 'answered']).default('open'),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZHolds = z.object({
  items: z.array(ZHold.extend({ contractNo: z.string(), debtorName: z.string() })),
  nextCursor: z.string().nullable(),
});
export const ZDecideHoldInput = z.object({
  holdId: z.uuid(),
  decision: z.enum(HOLD_DECISIONS),
  reason: z.string().trim().min(CLOSE_REASON_LENGTH.min).max(CLOSE_REASON_LENGTH.max),
});
/** The answer form: the decision and its reason; the hold is the row's. */
export const ZDecideHoldForm = ZDecideHoldInput.pick({ decision: true, reason: true });
