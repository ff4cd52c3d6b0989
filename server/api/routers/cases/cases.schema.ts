import { z } from 'zod';
import { CASE_STATUSES, PROVINCES } from '@/lib/enums';

const filters = {
  status: z.enum(CASE_STATUSES).optional(),
  bucket: z.number().int().min(1).max(12).optional(),
  province: z.enum(PROVINCES).optional(),
  packageId: z.uuid().optional(),
  contractNo: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
};
export const ZCreditorCasesInput = z.object({ ...filters, importId: z.uuid().optional(), isUnplaced: z.boolean().optional() });
export const ZAgencyCasesInput = z.object({ ...filters, collectorId: z.uuid().optional(), isUnassigned: z.boolean().optional() });

export const ZCaseItem = z.object({
  id: z.string(),
  contractNo: z.string(),
  debtorName: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  phoneCount: z.number().int(),
  amountOverdue: z.number().int(),
  principalOutstanding: z.number().int(),
  daysOverdue: z.number().int(),
  bucket: z.number().int(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  product: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  packageId: z.string().nullable(),
  collectorId: z.string().nullable(),
  collectorName: z.string().nullable(),
  agencyName: z.string().nullable(),
  createdAt: z.date(),
});
export type TCaseItem = z.infer<typeof ZCaseItem>;
export const ZCaseList = z.object({ items: z.array(ZCaseItem), nextCursor: z.string().nullable() });

export const ZAssignInput = z.object({ caseIds: z.array(z.uuid()).min(1).max(500), collectorId: z.uuid() });
export const ZAssignByRuleInput = z.object({
  packageId: z.uuid().optional(),
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('roundRobin'), collectorIds: z.array(z.uuid()).min(1).max(200) }),
    z.object({ kind: z.literal('province'), byProvince: z.array(z.object({ province: z.enum(PROVINCES), collectorId: z.uuid() })).min(1).max(PROVINCES.length) }),
  ]),
});
export const ZAssignResult = z.object({ assigned: z.number().int() });
export const ZRecallInput = z
  .object({ caseIds: z.array(z.uuid()).min(1).max(1000).optional(), commissionId: z.uuid().optional(), reason: z.string().trim().min(2).max(500) })
  .refine((v) => Boolean(v.caseIds) !== Boolean(v.commissionId), { message: 'caseIds or commissionId', path: ['caseIds'] });
export const ZRecallResult = z.object({ recalled: z.number().int() });
