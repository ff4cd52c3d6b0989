import { z } from 'zod';
import { ACTION_CHANNELS, CASE_HOLD_KINDS, CASE_HOLD_STATUSES, HOLD_ORIGINS } from '@/lib/enums';

// What protects a debtor on a case: a hold on collection (reported deceased, a disputed
// debt) with the creditor's answer, and the debtor's own requests about being contacted.

/** A hold on collection (deceased, disputed) and the creditor's answer. */
export const ZHold = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(CASE_HOLD_KINDS),
  status: z.enum(CASE_HOLD_STATUSES),
  origin: z.enum(HOLD_ORIGINS),
  agencyId: z.string().nullable(),
  note: z.string(),
  /** The name of the document the debtor attached to their dispute (served at /api/hold-documents/<id>). */
  documentName: z.string().nullable(),
  agencyName: z.string().nullable(),
  raisedByName: z.string().nullable(),
  raisedAt: z.date(),
  answerDueAt: z.date(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
});
export type THold = z.infer<typeof ZHold>;

/** A debtor's request about being contacted, as recorded. */
export const ZContactRequest = z.object({
  id: z.string(),
  stoppedChannels: z.array(z.enum(ACTION_CHANNELS)),
  quietFrom: z.number().int().nullable(),
  quietTo: z.number().int().nullable(),
  quietWorkdaysOnly: z.boolean(),
  note: z.string(),
  at: z.date(),
  origin: z.enum(HOLD_ORIGINS),
  orgName: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type TContactRequest = z.infer<typeof ZContactRequest>;

const ZMinuteOfDay = z.number().int().min(0).max(1439).nullable();
export const ZContactRequestInput = z.object({
  caseId: z.uuid(),
  stoppedChannels: z.array(z.enum(ACTION_CHANNELS)).max(ACTION_CHANNELS.length),
  quietFrom: ZMinuteOfDay,
  quietTo: ZMinuteOfDay,
  quietWorkdaysOnly: z.boolean(),
  note: z.string().trim().min(2).max(500),
});
