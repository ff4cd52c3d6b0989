import { z } from 'zod';
import { REPAYMENT_CHANNELS, REPAYMENT_SOURCES, REPAYMENT_STATUSES } from '@/lib/enums';
import { yuanText } from '../../../domain/shared/form-fields.schema';

/** Largest single repayment accepted: ¥100 million, in fen. */
const MAX_FEN = 10_000_000_000;

export const ZReportRepaymentInput = z.object({
  caseId: z.uuid(),
  amount: z.number().int().min(1).max(MAX_FEN),
  paidOn: z.iso.date(),
  channel: z.enum(REPAYMENT_CHANNELS),
  payer: z.string().trim().min(1).max(100),
  reference: z.string().trim().max(100),
  receiptFileId: z.uuid().optional(),
  note: z.string().trim().max(1000),
});
/** The agency's report form: the amount typed in yuan; the case and the receipt are added on sending. */
export const ZReportRepaymentForm = ZReportRepaymentInput.omit({ caseId: true, receiptFileId: true }).extend({
  amount: yuanText(ZReportRepaymentInput.shape.amount),
});
export const ZDecideRepaymentInput = z.object({
  repaymentId: z.uuid(),
  confirm: z.boolean(),
  note: z.string().trim().max(1000),
});
export const ZReverseRepaymentInput = z.object({ repaymentId: z.uuid(), reason: z.string().trim().min(2).max(1000) });
/** The creditor's answer to a report: a dispute needs its reason, as the procedure asks. */
export const ZDecideRepaymentForm = ZDecideRepaymentInput.omit({ repaymentId: true }).superRefine((f, ctx) => {
  if (!f.confirm && f.note.length < 2)
    ctx.addIssue({ code: 'custom', path: ['note'], message: 'e.repayment.disputeReason' });
});
/** Reversing a confirmed repayment: the reason only. */
export const ZReverseRepaymentForm = ZReverseRepaymentInput.omit({ repaymentId: true });
export const ZRepaymentListInput = z.object({
  status: z.enum(REPAYMENT_STATUSES).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});

export const ZRepayment = z.object({
  id: z.string(),
  caseId: z.string(),
  source: z.enum(REPAYMENT_SOURCES),
  amount: z.number().int(),
  paidOn: z.string(),
  channel: z.enum(REPAYMENT_CHANNELS),
  payer: z.string(),
  reference: z.string(),
  receiptFileId: z.string().nullable(),
  note: z.string(),
  status: z.enum(REPAYMENT_STATUSES),
  /** Null when the creditor's payment provider notified it (an online payment), no user recorded it. */
  reportedByName: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  reversedAt: z.date().nullable(),
  reversalReason: z.string().nullable(),
});
export type TRepayment = z.infer<typeof ZRepayment>;
export const ZRepayments = z.array(ZRepayment);
/** What a report or a decision answers: the repayment and where it now stands. */
export const ZRepaymentRow = ZRepayment.pick({ id: true, status: true });
export const ZRepaymentList = z.object({
  items: z.array(ZRepayment.extend({ contractNo: z.string(), agencyName: z.string().nullable() })),
  nextCursor: z.string().nullable(),
});
export type TRepaymentListItem = z.infer<typeof ZRepaymentList>['items'][number];
