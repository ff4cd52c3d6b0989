import { z } from 'zod';
import {
  AUDIT_ACTIONS,
  AUDIT_STATUSES,
  EXPORT_FORMATS,
  EXPORT_LISTS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  PACKAGE_STATUSES,
  REPAYMENT_STATUSES,
  RESTRUCTURE_STATUSES,
  STATEMENT_STATUSES,
  VISIT_STATUSES,
} from '@/lib/enums';
import { ZAgencyCasesInput, ZCreditorCasesInput } from '../cases/cases.schema';
import { ZListComplaintsInput } from '../complaints/complaints.schema';
import { ZListMarketInput } from '../market/market.schema';

const format = z.enum(EXPORT_FORMATS).default('xlsx');
const pagingless = { cursor: true, limit: true } as const;

/** A list to export with the filters its screen shows (never a tenant: that is the session's). */
export const ZStartExportInput = z.discriminatedUnion('list', [
  z.object({
    list: z.literal('creditor.cases'),
    format,
    filters: ZCreditorCasesInput.omit(pagingless).strict().default({}),
  }),
  z.object({
    list: z.literal('agency.cases'),
    format,
    filters: ZAgencyCasesInput.omit(pagingless).strict().default({}),
  }),
  z.object({
    list: z.literal('creditor.repayments'),
    format,
    filters: z
      .object({ status: z.enum(REPAYMENT_STATUSES).optional() })
      .strict()
      .default({}),
  }),
  z.object({
    list: z.literal('visits'),
    format,
    filters: z
      .object({ status: z.enum(VISIT_STATUSES).optional(), isFlaggedOnly: z.boolean().optional() })
      .strict()
      .default({}),
  }),
  z.object({
    list: z.literal('statements'),
    format,
    filters: z
      .object({ status: z.enum(STATEMENT_STATUSES).optional() })
      .strict()
      .default({}),
  }),
  z.object({
    list: z.literal('creditor.packages'),
    format,
    filters: z
      .object({ status: z.enum(PACKAGE_STATUSES).optional() })
      .strict()
      .default({}),
  }),
  z.object({
    list: z.literal('creditor.restructures'),
    format,
    filters: z
      .object({ status: z.enum(RESTRUCTURE_STATUSES).optional() })
      .strict()
      .default({}),
  }),
  z.object({
    list: z.literal('creditor.activity'),
    format,
    filters: z.object({ agencyId: z.uuid().optional(), isFlaggedOnly: z.boolean().optional() }).strict().default({}),
  }),
  z.object({
    list: z.literal('creditor.imports'),
    format,
    filters: z
      .object({ kind: z.enum(IMPORT_KINDS).optional() })
      .strict()
      .default({}),
  }),
  z.object({ list: z.literal('agency.bids'), format, filters: z.object({}).strict().default({}) }),
  z.object({
    list: z.literal('agency.market'),
    format,
    filters: ZListMarketInput.omit(pagingless).strict().prefault({}),
  }),
  z.object({ list: z.literal('users'), format, filters: z.object({}).strict().default({}) }),
  z.object({
    list: z.literal('complaints'),
    format,
    filters: ZListComplaintsInput.omit(pagingless).strict().default({}),
  }),
  z.object({
    list: z.literal('staff.audits'),
    format,
    filters: z
      .object({ agencyId: z.uuid().optional(), status: z.enum(AUDIT_STATUSES).optional() })
      .strict()
      .default({}),
  }),
  z.object({
    list: z.literal('staff.audit'),
    format,
    filters: z
      .object({
        actorUserId: z.uuid().optional(),
        orgId: z.uuid().optional(),
        action: z.enum(AUDIT_ACTIONS).optional(),
        from: z.iso.datetime().optional(),
        to: z.iso.datetime().optional(),
      })
      .strict()
      .default({}),
  }),
]);

export const ZExportIdInput = z.object({ exportId: z.uuid() });
export const ZExportListInput = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});

export const ZExport = z.object({
  id: z.string(),
  list: z.enum(EXPORT_LISTS),
  format: z.enum(EXPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES),
  rowCount: z.number().int(),
  fileId: z.string().nullable(),
  fileName: z.string(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  /** When the file stops being offered (a finished export only). */
  expiresAt: z.date().nullable(),
  /** A finished export whose download window has passed: its file is gone. */
  isExpired: z.boolean(),
});
export type TExport = z.infer<typeof ZExport>;
export const ZExportList = z.object({ items: z.array(ZExport), nextCursor: z.string().nullable() });
