import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, SANCTION_KINDS, TIERS } from '@/lib/enums';

/** Takes nothing; anything else sent is refused. */
export const ZOverviewInput = z.object({}).strict().optional();

export const ZStaffOverview = z.object({
  admissions: z.object({
    submitted: z.number().int(),
    underReview: z.number().int(),
    infoRequested: z.number().int(),
    oldestSubmittedAt: z.date().nullable(),
  }),
  complaints: z.object({
    open: z.number().int(),
    overdue: z.number().int(),
    receivedThisWeek: z.number().int(),
    nextDue: z.array(
      z.object({
        id: z.string(),
        reference: z.string(),
        category: z.enum(COMPLAINT_CATEGORIES),
        status: z.enum(COMPLAINT_STATUSES),
        agencyName: z.string().nullable(),
        dueAt: z.date().nullable(),
        overdue: z.array(z.enum(['ack', 'response', 'resolution'])),
      }),
    ),
  }),
  sanctions: z.object({
    bansAwaitingApproval: z.number().int(),
    inForce: z.array(z.object({ kind: z.enum(SANCTION_KINDS), count: z.number().int() })),
  }),
  agencies: z.array(
    z.object({ tier: z.enum(TIERS).nullable(), band: z.enum(['a', 'b', 'c', 'low', 'none']), count: z.number().int() }),
  ),
  flags: z.array(z.object({ month: z.string(), actions: z.number().int(), visits: z.number().int() })),
});
export type TStaffOverview = z.infer<typeof ZStaffOverview>;
