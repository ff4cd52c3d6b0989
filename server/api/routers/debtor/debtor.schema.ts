import { z } from 'zod';
import {
  ACTION_CHANNELS,
  CASE_HOLD_KINDS,
  CASE_STATUSES,
  HOLD_ORIGINS,
  ORG_STATUSES,
  PLAN_STATUSES,
  RESTRUCTURE_KINDS,
  RESTRUCTURE_STATUSES,
  TIERS,
} from '@/lib/enums';
import { CODE_DIGITS } from '@/lib/debtor';
import { DEBTOR_CONTACT_CHANNELS, MINUTES_IN_DAY } from '@/lib/contact-requests';
import { ZRestructureTerms } from '../work/work.schema';

// The debtor's own page (issue 20). Messages `v.<key>` name catalog entries (messages/*.json → validation).

const ZProof = z.strictObject({ challenge: z.string().max(200), solution: z.string().max(32) });

export const ZDebtorDetailsInput = z.strictObject({
  contractNo: z.string().trim().min(1, { error: 'v.contractNo' }).max(100),
  debtorName: z.string().trim().min(1, { error: 'v.required' }).max(50),
  idLast4: z
    .string()
    .trim()
    .regex(/^\d{3}[\dXx]$/, { error: 'v.idLast4' }),
  proof: ZProof.nullish(),
});
export const ZDebtorDetailsResult = z.object({
  ticket: z.string(),
  numbers: z.array(z.object({ index: z.number().int(), masked: z.string() })),
});

const ZTicket = z.string().min(1).max(300);
export const ZSendCodeInput = z.strictObject({ ticket: ZTicket, index: z.number().int().min(0).max(20) });
export const ZSendCodeResult = z.object({
  codeId: z.uuid(),
  number: z.string(),
  expiresAt: z.date(),
  resendAt: z.date(),
});

export const ZConfirmCodeInput = z.strictObject({
  ticket: ZTicket,
  codeId: z.uuid({ error: 'v.id' }),
  code: z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${CODE_DIGITS}}$`), { error: 'v.smsCode' }),
});
export const ZConfirmCodeResult = z.object({ expiresAt: z.date() });

// The debtor's choice of how to be contacted: the hours are minutes of the day (the domain
// checks from before to, naming the field).
const ZMinute = z.number({ error: 'v.invalidType' }).int().min(0).max(MINUTES_IN_DAY);
const ZChoices = [
  z.strictObject({ kind: z.literal('oneChannel'), channel: z.enum(DEBTOR_CONTACT_CHANNELS, { error: 'v.channel' }) }),
  z.strictObject({ kind: z.literal('notAtWork'), from: ZMinute, to: ZMinute }),
  z.strictObject({ kind: z.literal('hours'), from: ZMinute, to: ZMinute }),
  z.strictObject({ kind: z.literal('writing') }),
] as const;
export const ZContactChoiceInput = z.discriminatedUnion(
  'kind',
  [...ZChoices, z.strictObject({ kind: z.literal('withdraw') })],
  { error: 'v.pickOne' },
);
export type TContactChoiceInput = z.input<typeof ZContactChoiceInput>;
export const ZContactChoiceResult = z.object({ requestId: z.uuid(), at: z.date() });
const ZContactChoiceInForce = z.object({
  choice: z.discriminatedUnion('kind', [...ZChoices, z.strictObject({ kind: z.literal('other') })]),
  stoppedChannels: z.array(z.enum(ACTION_CHANNELS)),
  quietFrom: z.number().int().nullable(),
  quietTo: z.number().int().nullable(),
  quietWorkdaysOnly: z.boolean(),
  origin: z.enum(HOLD_ORIGINS),
  at: z.date(),
});

export const ZDebtorOverview = z.object({
  contractNo: z.string(),
  debtorName: z.string(),
  creditorName: z.string(),
  loanAmount: z.number().int(),
  principalOutstanding: z.number().int(),
  amountOverdue: z.number().int(),
  /** Confirmed repayments on the case so far (the creditor's file, the agency's reports, online payments). */
  repaidAmount: z.number().int(),
  daysOverdue: z.number().int(),
  status: z.enum(CASE_STATUSES),
  agency: z
    .object({
      name: z.string(),
      status: z.enum(ORG_STATUSES),
      tier: z.enum(TIERS).nullable(),
      admissionExpiresAt: z.date().nullable(),
      commissionEndsOn: z.string(),
      collectorWorkNo: z.string().nullable(),
    })
    .nullable(),
  contacts: z.array(z.object({ channel: z.enum(ACTION_CHANNELS), count: z.number().int() })),
  hold: z.object({ kind: z.enum(CASE_HOLD_KINDS), origin: z.enum(HOLD_ORIGINS), answerDueAt: z.date() }).nullable(),
  isOpen: z.boolean(),
  /** The request about being contacted in force (the debtor's own choice, or one an agency recorded for them). */
  contactChoice: ZContactChoiceInForce.nullable(),
  rules: z.object({
    version: z.number().int(),
    windowStartMinutes: z.number().int(),
    windowEndMinutes: z.number().int(),
    maxAnsweredCallsPerDebtorPerDay: z.number().int(),
    maxUnansweredCallsPerNumberPerDay: z.number().int(),
    contactAfterFailedAttempts: z.number().int(),
  }),
  sessionExpiresAt: z.date(),
});
export type TDebtorOverview = z.infer<typeof ZDebtorOverview>;

export const ZDisputeInput = z.strictObject({
  reason: z.string().trim().min(10, { error: 'v.disputeReason' }).max(2000),
  /** A document uploaded through the public upload (complaints.uploadEvidence) just before. */
  document: z.strictObject({ uploadId: z.uuid({ error: 'v.id' }), fileName: z.string().max(300) }).nullish(),
});
export const ZDisputeResult = z.object({ holdId: z.uuid(), answerDueAt: z.date() });

/**
 * A plan the debtor asks for: only the kind, its terms and a reason. Anything else (a status,
 * an approval) is refused outright: whether it is approved is the bands' and the creditor's.
 */
export const ZDebtorPlanInput = z.strictObject({
  kind: z.enum(RESTRUCTURE_KINDS),
  terms: ZRestructureTerms.strict(),
  reason: z.string().trim().min(4, { error: 'v.planReason' }).max(1000),
});
const ZScheduleLine = z.object({ dueDate: z.string(), amount: z.number().int() });
export const ZDebtorPlanResult = z.object({
  id: z.uuid(),
  status: z.enum(RESTRUCTURE_STATUSES),
  totalAmount: z.number().int(),
  schedule: z.array(ZScheduleLine),
});
export const ZDebtorPlanView = z.object({
  bands: z.object({ maxReductionBp: z.number().int(), maxInstalments: z.number().int() }).nullable(),
  autoStartDays: z.number().int(),
  hasPendingRequest: z.boolean(),
  latest: z
    .object({
      id: z.uuid(),
      kind: z.enum(RESTRUCTURE_KINDS),
      status: z.enum(RESTRUCTURE_STATUSES),
      totalAmount: z.number().int(),
      schedule: z.array(ZScheduleLine),
      createdAt: z.date(),
      expiresAt: z.date(),
      decidedAt: z.date().nullable(),
    })
    .nullable(),
  plan: z
    .object({
      status: z.enum(PLAN_STATUSES),
      totalAmount: z.number().int(),
      instalments: z.array(
        z.object({ no: z.number().int(), dueDate: z.string(), amount: z.number().int(), paidAmount: z.number().int() }),
      ),
    })
    .nullable(),
});
export type TDebtorPlanView = z.infer<typeof ZDebtorPlanView>;
export const ZDebtorPayment = z.object({
  creditorName: z.string(),
  /** The creditor's own account (never an agency's), or null when the creditor has not set one. */
  account: z.object({ accountName: z.string(), bankName: z.string(), accountNo: z.string() }).nullable(),
  amountOwed: z.number().int(),
  instalment: z.object({ no: z.number().int(), dueDate: z.string(), amount: z.number().int() }).nullable(),
  ref: z.string(),
  isOpen: z.boolean(),
  canPayOnline: z.boolean(),
});
export type TDebtorPayment = z.infer<typeof ZDebtorPayment>;
export const ZPayOnlineResult = z.object({
  url: z.url({ protocol: /^https$/ }),
  amount: z.number().int(),
  outTradeNo: z.string(),
});
