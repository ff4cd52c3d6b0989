import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_STATUSES } from '@/lib/enums';

export const ZStartImportInput = z.object({ fileId: z.uuid(), fileName: z.string().trim().min(1).max(200) });
export const ZImportIdInput = z.object({ importId: z.uuid() });
export const ZListImportsInput = z.object({ cursor: z.string().nullish(), limit: z.number().int().min(1).max(100).default(20) });

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
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), code: z.string(), values: ZValues.optional() })),
  reportFileId: z.string().nullable(),
  extraColumns: z.array(z.string()),
  summary: z.object({ matched: z.number().int(), direct: z.number().int(), alreadyRecorded: z.number().int(), amount: z.number().int() }).nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export type TImportView = z.infer<typeof ZImportView>;

export const ZImportList = z.object({ items: z.array(ZImportView), nextCursor: z.string().nullable() });
