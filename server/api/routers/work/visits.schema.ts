import { z } from 'zod';
import { CASE_STATUSES, EVIDENCE_KINDS, ROLES, VISIT_OUTCOMES, VISIT_STATUSES } from '@/lib/enums';
import { MIN_VISIT_STAFF } from '@/lib/visits';
import { ZAction } from './work.schema';

export const ZPlanVisitInput = z.object({
  caseId: z.uuid(),
  /** The day and time in the debtor's time zone. */
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  staffIds: z.array(z.uuid()).min(MIN_VISIT_STAFF).max(10),
  address: z.string().trim().min(4).max(300),
  purpose: z.string().trim().max(1000),
});
export const ZRecordVisitInput = z.object({
  visitId: z.uuid(),
  outcome: z.enum(VISIT_OUTCOMES),
  note: z.string().trim().max(2000),
  promiseAmount: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  promiseDate: z.iso.date().optional(),
});
export const ZCancelVisitInput = z.object({ visitId: z.uuid(), reason: z.string().trim().min(2).max(500) });
export const ZAttachEvidenceInput = z.object({ visitId: z.uuid(), fileId: z.uuid(), fileName: z.string().max(500) });

export const ZEvidence = z.object({
  id: z.string(),
  fileId: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
  fileName: z.string(),
  createdAt: z.date(),
  late: z.boolean(),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export const ZVisit = z.object({
  id: z.string(),
  plannedFor: z.date(),
  plannedByName: z.string(),
  address: z.string(),
  purpose: z.string(),
  status: z.enum(VISIT_STATUSES),
  actionId: z.string().nullable(),
  visitedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  staff: z.array(z.object({ id: z.string(), name: z.string() })),
  evidence: z.array(ZEvidence.extend({ uploadedByName: z.string() })),
  flags: z.array(z.object({ rule: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])), at: z.date() })),
});
export type TVisit = z.infer<typeof ZVisit>;
export const ZRecordVisit = ZVisit.extend({ agencyName: z.string() });
export type TRecordVisit = z.infer<typeof ZRecordVisit>;

export const ZVisitRow = z.object({ id: z.string(), status: z.enum(VISIT_STATUSES), plannedFor: z.date(), visitedAt: z.date().nullable() });
export const ZVisitStaff = z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES) }));

export const ZRecordCase = z.object({
  id: z.string(),
  contractNo: z.string(),
  creditorName: z.string(),
  debtorName: z.string(),
  idNumber: z.string(),
  phones: z.array(z.string()),
  loanAmount: z.number().int(),
  principalOutstanding: z.number().int(),
  amountOverdue: z.number().int(),
  daysOverdue: z.number().int(),
  bucket: z.number().int(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  product: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  timeZone: z.string(),
  agencyName: z.string().nullable(),
  repaidAmount: z.number().int(),
  amountDue: z.number().int(),
  packageId: z.string().nullable(),
  packageName: z.string().nullable(),
  closedOn: z.string().nullable(),
  closedReason: z.string().nullable(),
});
export type TRecordCase = z.infer<typeof ZRecordCase>;
export const ZRecordAction = ZAction.extend({ agencyName: z.string() });
export type TRecordAction = z.infer<typeof ZRecordAction>;
export const ZRecordActions = z.object({ items: z.array(ZRecordAction), nextCursor: z.string().nullable() });

export const ZVisitListInput = z.object({
  status: z.enum(VISIT_STATUSES).optional(),
  isFlaggedOnly: z.boolean().optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZVisitList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      caseId: z.string(),
      contractNo: z.string(),
      debtorName: z.string(),
      timeZone: z.string(),
      agencyName: z.string(),
      creditorName: z.string(),
      status: z.enum(VISIT_STATUSES),
      plannedFor: z.date(),
      visitedAt: z.date().nullable(),
      address: z.string(),
      staff: z.number().int(),
      photos: z.number().int(),
      audio: z.number().int(),
      video: z.number().int(),
      flags: z.array(z.object({ rule: z.string(), values: z.record(z.string(), z.union([z.string(), z.number()])) })),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export type TVisitListItem = z.infer<typeof ZVisitList>['items'][number];
