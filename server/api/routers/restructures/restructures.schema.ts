import { z } from 'zod';
import { RESTRUCTURE_STATUSES } from '@/lib/enums';
import { ZRestructure } from '../work/work.schema';

// The creditor's side of the requests agencies propose through the work router.
export const ZCreditorRestructuresInput = z.object({
  status: z.enum(RESTRUCTURE_STATUSES).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZCreditorRestructures = z.object({
  items: z.array(ZRestructure.extend({ contractNo: z.string() })),
  nextCursor: z.string().nullable(),
});
export const ZDecideRestructureInput = z.object({
  requestId: z.uuid(),
  approve: z.boolean(),
  note: z.string().trim().max(1000),
});
/** The decision's note, checked in the browser by the procedure's rule. */
export const ZDecideRestructureForm = ZDecideRestructureInput.pick({ note: true });
