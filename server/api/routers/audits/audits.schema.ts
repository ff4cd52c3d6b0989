import { z } from 'zod';
import { ZDay } from '../../../domain/shared/fields.schema';
import { AUDIT_FINDINGS, AUDIT_ITEM_KINDS, AUDIT_METHODS, AUDIT_STATUSES } from '@/lib/enums';
import { ZComplaintCategory, ZOrgComplaintReceipt } from '../complaints/complaints.schema';

// Field audits (稽核). Messages `v.<key>` name catalog entries (messages/*.json → validation).

const common = { agencyId: z.uuid({ error: 'v.id' }), periodFrom: ZDay, periodTo: ZDay };
export const ZCreateAuditInput = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('random'),
    ...common,
    sampleBp: z.number().int().min(100, { error: 'v.sampleShare' }).max(10_000, { error: 'v.sampleShare' }),
  }),
  z.strictObject({
    method: z.literal('chosen'),
    ...common,
    contractNos: z.array(z.string().trim().min(1).max(100)).min(1, { error: 'v.pickOne' }).max(100),
  }),
]);
export type TCreateAuditInput = z.input<typeof ZCreateAuditInput>;

const [randomAudit, chosenAudit] = ZCreateAuditInput.options;
/**
 * The new-audit form: the share drawn typed in percent, the contract numbers as one text
 * (separated by spaces, commas or semicolons); only the chosen method's field counts.
 */
export const ZNewAuditForm = z
  .discriminatedUnion('method', [
    z.object({
      method: z.literal('random'),
      ...common,
      percent: z
        .string()
        .transform((s) => Math.round(Number(s) * 100) || 0)
        .pipe(randomAudit.shape.sampleBp),
      contractNos: z.string(),
    }),
    z.object({
      method: z.literal('chosen'),
      ...common,
      percent: z.string(),
      contractNos: z
        .string()
        .transform((s) => s.split(/[\s,，;；]+/).filter(Boolean))
        .pipe(chosenAudit.shape.contractNos),
    }),
  ])
  .transform((v): TCreateAuditInput => {
    const { agencyId, periodFrom, periodTo } = v;
    return v.method === 'random'
      ? { method: 'random', agencyId, periodFrom, periodTo, sampleBp: v.percent }
      : { method: 'chosen', agencyId, periodFrom, periodTo, contractNos: v.contractNos };
  });
export const ZCreateAuditResult = z.object({ id: z.string(), itemCount: z.number().int() });

const ZFindings = z.object({ pass: z.number().int(), issue: z.number().int(), violation: z.number().int() });
export const ZAudit = z.object({
  id: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  method: z.enum(AUDIT_METHODS),
  status: z.enum(AUDIT_STATUSES),
  sampleBp: z.number().int().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  itemCount: z.number().int(),
  reviewed: z.number().int(),
  findings: ZFindings,
  summary: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.date(),
  completedAt: z.date().nullable(),
});
export const ZAuditList = z.object({ items: z.array(ZAudit), nextCursor: z.string().nullable() });
export const ZListAuditsInput = z.object({
  agencyId: z.uuid().optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export const ZAuditIdInput = z.strictObject({ auditId: z.uuid({ error: 'v.id' }) });

export const ZListItemsInput = z.object({
  auditId: z.uuid({ error: 'v.id' }),
  finding: z.enum([...AUDIT_FINDINGS, 'unreviewed']).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const ZAuditItem = z.object({
  id: z.string(),
  kind: z.enum(AUDIT_ITEM_KINDS),
  caseId: z.string(),
  contractNo: z.string(),
  debtorName: z.string(),
  finding: z.enum(AUDIT_FINDINGS).nullable(),
  note: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  reviewerName: z.string().nullable(),
  complaint: z.object({ id: z.string(), reference: z.string() }).nullable(),
  at: z.date().nullable(),
  address: z.string().nullable(),
  evidence: z.number().int().nullable(),
  channel: z.string().nullable(),
  outcome: z.string().nullable(),
  actionNote: z.string().nullable(),
  isCorrection: z.boolean(),
  flags: z.array(z.string()),
});
export const ZAuditItemList = z.object({ items: z.array(ZAuditItem), nextCursor: z.string().nullable() });
export const ZItemIdInput = z.strictObject({ itemId: z.uuid({ error: 'v.id' }) });
/** One sampled record with its audit: what a sanction citing the finding shows. */
export const ZAuditWithItem = z.object({ audit: ZAudit, item: ZAuditItem });

export const ZReviewInput = z.strictObject({
  itemId: z.uuid({ error: 'v.id' }),
  finding: z.enum(AUDIT_FINDINGS, { error: 'v.invalidOption' }),
  note: z.string().trim().max(2000).default(''),
});
export const ZComplainInput = z.strictObject({ itemId: z.uuid({ error: 'v.id' }), category: ZComplaintCategory });
export const ZCompleteInput = z.strictObject({
  auditId: z.uuid({ error: 'v.id' }),
  summary: z.string().trim().min(5, { error: 'v.auditSummary' }).max(5000),
});
// An audit item's review and the audit's conclusion, as their forms hold them.
export const ZReviewForm = ZReviewInput.pick({ note: true });
export const ZCompleteForm = ZCompleteInput.pick({ summary: true });
export const ZComplainForm = ZComplainInput.pick({ category: true });
export const ZReviewResult = z.object({ id: z.string(), finding: z.enum(AUDIT_FINDINGS) });
/** The complaint a violation went on as, by its reference. */
export const ZComplainResult = ZOrgComplaintReceipt.pick({ reference: true }).extend({ complaintId: z.string() });
export const ZCompleteResult = z.object({ id: z.string(), status: z.literal('completed') });
