import { z } from 'zod';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';
import { ACTION_CHANNELS, ACTION_OUTCOMES, CASE_STATUSES, IMPORT_KINDS, IMPORT_STATUSES, PROVINCES } from '@/lib/enums';

const filters = {
  status: z.enum(CASE_STATUSES).optional(),
  bucket: z.number().int().min(0).max(12).optional(),
  province: z.enum(PROVINCES).optional(),
  packageId: z.uuid().optional(),
  contractNo: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(200).default(50),
};
export const ZCreditorCasesInput = z.object({
  ...filters,
  importId: z.uuid().optional(),
  isUnplaced: z.boolean().optional(),
});
export const ZAgencyCasesInput = z.object({
  ...filters,
  collectorId: z.uuid().optional(),
  isUnassigned: z.boolean().optional(),
});

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
  /** The newest action on the case, by any agency. */
  lastAction: z.object({ at: z.date(), channel: z.enum(ACTION_CHANNELS), outcome: z.enum(ACTION_OUTCOMES) }).nullable(),
});
export type TCaseItem = z.infer<typeof ZCaseItem>;
export const ZCaseList = z.object({ items: z.array(ZCaseItem), nextCursor: z.string().nullable() });

export const ZAssignInput = z.object({ caseIds: z.array(z.uuid()).min(1).max(500), collectorId: z.uuid() });
export const ZAssignByRuleInput = z.object({
  packageId: z.uuid().optional(),
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('roundRobin'), collectorIds: z.array(z.uuid()).min(1).max(200) }),
    z.object({
      kind: z.literal('province'),
      byProvince: z
        .array(z.object({ province: z.enum(PROVINCES), collectorId: z.uuid() }))
        .min(1)
        .max(PROVINCES.length),
    }),
  ]),
});
export const ZAssignResult = z.object({ assigned: z.number().int() });
export const ZRecallInput = z
  .object({
    caseIds: z.array(z.uuid()).min(1).max(1000).optional(),
    commissionId: z.uuid().optional(),
    reason: z.string().trim().min(2).max(500),
  })
  .refine((v) => Boolean(v.caseIds) !== Boolean(v.commissionId), {
    message: 'caseIds or commissionId',
    path: ['caseIds'],
  });
/** The recall form: the reason only; the cases are the ones selected. */
export const ZRecallForm = z.object({ reason: ZRecallInput.shape.reason });
export const ZRecallResult = z.object({ recalled: z.number().int() });

export const ZCloseCaseInput = z.object({
  caseId: z.uuid(),
  reason: z.string().trim().min(CLOSE_REASON_LENGTH.min).max(CLOSE_REASON_LENGTH.max),
});
/** The close form: the reason only; the case is the page's. */
export const ZCloseCaseForm = ZCloseCaseInput.pick({ reason: true });
export type TCloseCaseInput = z.input<typeof ZCloseCaseInput>;
export const ZClosedCase = z.object({
  id: z.string(),
  status: z.literal('closed_unrecoverable'),
  closedOn: z.string(),
  closedReason: z.string(),
});

// Imported files: the same shapes serve case files here and repayment files (repayments router).
export const ZStartImportInput = z.object({ fileId: z.uuid(), fileName: z.string().trim().min(1).max(200) });
export const ZImportIdInput = z.object({ importId: z.uuid() });
export const ZListImportsInput = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

const ZValues = z.record(z.string(), z.union([z.string(), z.number()]));

export const ZImportView = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  format: z.string().nullable(),
  encoding: z.string().nullable(),
  bytesTotal: z.number().int(),
  bytesRead: z.number().int(),
  rowCount: z.number().int(),
  rowsWritten: z.number().int(),
  errorCount: z.number().int(),
  fileError: z.object({ code: z.string(), values: ZValues.optional() }).nullable(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string(), code: z.string(), values: ZValues.optional() }),
  ),
  reportFileId: z.string().nullable(),
  extraColumns: z.array(z.string()),
  summary: z
    .object({
      matched: z.number().int(),
      direct: z.number().int(),
      alreadyRecorded: z.number().int(),
      amount: z.number().int(),
    })
    .nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type TImportView = z.infer<typeof ZImportView>;

export const ZImportList = z.object({ items: z.array(ZImportView), nextCursor: z.string().nullable() });
