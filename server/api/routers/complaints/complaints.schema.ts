import { z } from 'zod';
import {
  COMPLAINANT_RELATIONS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATUSES,
} from '@/lib/enums';
import { ZMobile } from '../../../domain/shared/fields.schema';

// Complaints (DESIGN §3). Messages `v.<key>` name catalog entries (messages/*.json → validation).

const ZText = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .min(min, { error: `v.${key}` })
    .max(max);
export const ZComplaintCategory = z.enum(COMPLAINT_CATEGORIES, { error: 'v.complaintCategory' });
/** A solved challenge (lib/proof-of-work.ts), sent again after the server asked for one. */
const ZProof = z.strictObject({ challenge: z.string().max(200), solution: z.string().max(32) });
export const ZChallenge = z.object({ challenge: z.string(), bits: z.number().int(), expiresAt: z.date() });
const ZEvidence = z
  .array(z.object({ uploadId: z.uuid({ error: 'v.id' }), fileName: z.string().max(300) }))
  .max(6, { error: 'v.evidenceMax' });

/** Who complains and what happened: the public form's body, also the debtor's own page's whole form. */
const complaintBody = {
  relation: z.enum(COMPLAINANT_RELATIONS, { error: 'v.invalidOption' }),
  complainantName: z.string().trim().max(50),
  contactPhone: ZMobile.nullable(),
  category: ZComplaintCategory,
  description: ZText(10, 5000, 'complaintDescription'),
  evidence: ZEvidence,
};
/** Someone other than the debtor gives their name. */
const namedComplainant: [
  (v: { relation: string; complainantName: string }) => boolean,
  { path: string[]; error: string },
] = [(v) => v.relation === 'self' || v.complainantName.length > 0, { path: ['complainantName'], error: 'v.required' }];

export const ZPublicComplaintInput = z
  .strictObject({
    contractNo: ZText(1, 100, 'contractNo'),
    debtorName: ZText(1, 50, 'required'),
    idLast4: z
      .string()
      .trim()
      .regex(/^\d{3}[\dXx]$/, { error: 'v.idLast4' }),
    ...complaintBody,
    proof: ZProof.nullish(),
  })
  .refine(...namedComplainant);
/** A complaint from the debtor's session: the case is the session's, so no details are asked (or accepted). */
export const ZDebtorComplaintInput = z.strictObject(complaintBody).refine(...namedComplainant);
/**
 * The public form's values when a debtor's session names the loan: the details stay empty and
 * are not checked (the form sends only ZDebtorComplaintInput's fields).
 */
export const ZVerifiedComplaintForm = z
  .strictObject({
    contractNo: z.string(),
    debtorName: z.string(),
    idLast4: z.string(),
    ...complaintBody,
    proof: ZProof.nullish(),
  })
  .refine(...namedComplainant);
export const ZDebtorComplaintCase = z.object({
  contractNo: z.string(),
  debtorName: z.string(),
  creditorName: z.string(),
  agencyName: z.string().nullable(),
});
export type TDebtorComplaintCase = z.infer<typeof ZDebtorComplaintCase>;
export type TPublicComplaintInput = z.input<typeof ZPublicComplaintInput>;

export const ZComplaintReceipt = z.object({
  reference: z.string(),
  receivedAt: z.date(),
  ackDueAt: z.date(),
  resolutionDueAt: z.date(),
});

export const ZFollowInput = z.strictObject({
  reference: z
    .string()
    .trim()
    .regex(/^[Cc]-\d{4}-\d{6}$/, { error: 'v.complaintReference' }),
  idLast4: z
    .string()
    .trim()
    .regex(/^\d{3}[\dXx]$/, { error: 'v.idLast4' }),
  proof: ZProof.nullish(),
});
export const ZComplaintStatusView = z.object({
  reference: z.string(),
  category: ZComplaintCategory,
  status: z.enum(COMPLAINT_STATUSES),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  receivedAt: z.date(),
  ackDueAt: z.date(),
  resolutionDueAt: z.date(),
  decidedAt: z.date().nullable(),
  finding: z.string().nullable(),
  steps: z.array(z.object({ kind: z.enum(COMPLAINT_EVENT_KINDS), at: z.date() })),
});

export const ZUploadView = z.object({ id: z.string(), size: z.number(), mime: z.string(), sha256: z.string() });

export const ZOrgComplaintInput = z.strictObject({
  caseId: z.uuid({ error: 'v.id' }).nullable(),
  /** Creditors may name the case by its contract number instead. */
  contractNo: z.string().trim().max(100).nullish(),
  /** Staff only: the agency, when the complaint is not about a case. */
  agencyId: z.uuid({ error: 'v.id' }).nullable(),
  /** Staff only: the call the complaint cites (its case and agency are the complaint's). */
  callRecordId: z.uuid({ error: 'v.id' }).nullish(),
  category: ZComplaintCategory,
  description: ZText(10, 5000, 'complaintDescription'),
  evidence: ZEvidence,
});
export type TOrgComplaintInput = z.input<typeof ZOrgComplaintInput>;
export const ZOrgComplaintReceipt = ZComplaintReceipt.extend({ id: z.string() });

export const ZListComplaintsInput = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  category: ZComplaintCategory.optional(),
  isOverdueOnly: z.boolean().optional(),
  isOpenOnly: z.boolean().optional(),
  caseId: z.uuid({ error: 'v.id' }).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
const ZOverdue = z.array(z.enum(['ack', 'response', 'resolution']));
/** What the list and the page both say of a complaint. */
const complaintFacts = {
  id: z.string(),
  reference: z.string(),
  /** Who filed it (public, creditor, staff); null for the agency complained about. */
  source: z.enum(COMPLAINT_SOURCES).nullable(),
  category: ZComplaintCategory,
  status: z.enum(COMPLAINT_STATUSES),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  contractNo: z.string().nullable(),
  agencyName: z.string().nullable(),
  creditorName: z.string().nullable(),
  receivedAt: z.date(),
  overdue: ZOverdue,
};
export const ZComplaintListItem = z.object({
  ...complaintFacts,
  nextDueAt: z.date().nullable(),
  isNearDuplicate: z.boolean(),
});
export const ZComplaintList = z.object({ items: z.array(ZComplaintListItem), nextCursor: z.string().nullable() });

export const ZComplaintIdInput = z.strictObject({ complaintId: z.uuid({ error: 'v.id' }) });
export const ZComplaintDetail = z.object({
  ...complaintFacts,
  caseId: z.string().nullable(),
  debtorName: z.string().nullable(),
  agencyId: z.string().nullable(),
  complainantName: z.string().nullable(),
  /** The complainant's relation to the debtor; null for the agency complained about. */
  relation: z.enum(COMPLAINANT_RELATIONS).nullable(),
  contactPhone: z.string().nullable(),
  description: z.string(),
  handlerName: z.string().nullable(),
  ackDueAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  responseDueAt: z.date().nullable(),
  respondedAt: z.date().nullable(),
  agencyResponse: z.string().nullable(),
  resolutionDueAt: z.date(),
  extensionReason: z.string().nullable(),
  decidedAt: z.date().nullable(),
  finding: z.string().nullable(),
  closedAt: z.date().nullable(),
  similarTo: z.object({ id: z.string(), reference: z.string() }).nullable(),
  similarityBp: z.number().nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(COMPLAINT_EVENT_KINDS),
      at: z.date(),
      note: z.string(),
      actorName: z.string().nullable(),
    }),
  ),
  evidence: z.array(
    z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), sha256: z.string() }),
  ),
  canRecord: z.boolean(),
});

export const ZStepInput = ZComplaintIdInput.extend({ note: z.string().trim().max(2000).default('') });
export const ZRespondInput = ZComplaintIdInput.extend({ response: ZText(10, 5000, 'complaintResponse') });
export const ZExtendInput = ZComplaintIdInput.extend({ reason: ZText(2, 1000, 'reasonRequired') });
export const ZDecideInput = ZComplaintIdInput.extend({
  outcome: z.enum(COMPLAINT_OUTCOMES, { error: 'v.invalidOption' }),
  finding: ZText(5, 5000, 'complaintFinding'),
});

// The handler's and the agency's forms on a complaint's page, without the complaint they act on.
/** The step note: free for most steps, the reason when extending the deadline. */
export const ZStepForm = z.discriminatedUnion('step', [
  ZStepInput.pick({ note: true }).extend({ step: z.enum(['acknowledge', 'investigate', 'requestResponse', 'close']) }),
  z.object({ step: z.literal('extend'), note: ZExtendInput.shape.reason }),
]);
export type TStepForm = z.output<typeof ZStepForm>;
export const ZDecideForm = ZDecideInput.omit({ complaintId: true });
export const ZRespondForm = ZRespondInput.pick({ response: true });

export const ZStepResult = z.object({
  id: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  outcome: z.enum(COMPLAINT_OUTCOMES).nullable(),
  resolutionDueAt: z.date(),
  responseDueAt: z.date().nullable(),
});
export const ZRevealContactInput = ZComplaintIdInput.extend({ reason: ZText(4, 200, 'revealReason') });
export const ZRevealed = z.object({ value: z.string() });
