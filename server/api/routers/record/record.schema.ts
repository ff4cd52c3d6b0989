import { z } from 'zod';
import { CASE_CHANGE_SOURCES, CASE_STATUSES, VISIT_STATUSES } from '@/lib/enums';
import { ZRepayment } from '../repayments/repayments.schema';
import { ZAction, ZCasePlans, ZVisit } from '../work/work.schema';
import { ZContactRequest, ZHold } from '../work/protections.schema';

// A case's whole record as its creditor and the platform's staff read it: what the agency
// sees of its own work (work.schema.ts), with the agency named.
export const ZRecordCase = z.object({
  id: z.string(),
  contractNo: z.string(),
  creditorName: z.string(),
  debtorName: z.string(),
  idNumber: z.string(),
  phones: z.array(z.string()),
  numbers: z.array(
    z.object({
      index: z.number().int(),
      masked: z.string(),
      source: z.enum(CASE_CHANGE_SOURCES).nullable(),
      addedAt: z.string().nullable(),
      retiredAt: z.string().nullable(),
    }),
  ),
  address: z.string().nullable(),
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
  planBrokenOn: z.string().nullable(),
  plans: ZCasePlans,
  holds: z.array(ZHold),
  contactRequests: z.array(ZContactRequest),
});
export type TRecordCase = z.infer<typeof ZRecordCase>;
export const ZRecordAction = ZAction.extend({ agencyName: z.string() });
export type TRecordAction = z.infer<typeof ZRecordAction>;
export const ZRecordActions = z.object({ items: z.array(ZRecordAction), nextCursor: z.string().nullable() });

export const ZRecordVisit = ZVisit.extend({ agencyName: z.string() });
export type TRecordVisit = z.infer<typeof ZRecordVisit>;
export const ZRecordVisits = z.array(ZRecordVisit);

export const ZRecordRepayments = z.array(ZRepayment);

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
