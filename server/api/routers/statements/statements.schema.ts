import { z } from 'zod';
import { STATEMENT_STATUSES } from '@/lib/enums';
import { MONTH_PATTERN } from '@/lib/months';

export const ZStatement = z.object({
  id: z.string(),
  month: z.string(),
  status: z.enum(STATEMENT_STATUSES),
  lineCount: z.number().int(),
  baseTotal: z.number().int(),
  total: z.number().int(),
  creditorAgreedAt: z.date().nullable(),
  agencyAgreedAt: z.date().nullable(),
  paidAt: z.date().nullable(),
  createdAt: z.date(),
});
export type TStatement = z.infer<typeof ZStatement>;
export const ZStatementId = z.object({ statementId: z.uuid() });
/** What agreeing or paying answers: the statement and where it now stands. */
export const ZStatementRow = ZStatement.pick({ id: true, status: true });

export const ZListStatementsInput = z.object({
  status: z.enum(STATEMENT_STATUSES).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZStatementList = z.object({
  items: z.array(ZStatement.extend({ otherName: z.string() })),
  nextCursor: z.string().nullable(),
});

export const ZStatementDetail = ZStatement.extend({
  creditorName: z.string(),
  agencyName: z.string(),
  lines: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['earned', 'reversal']),
      contractNo: z.string(),
      earnedOn: z.string(),
      baseAmount: z.number().int(),
      feeBp: z.number().int(),
      amount: z.number().int(),
    }),
  ),
});

export const ZGenerateInput = z.object({ month: z.string().regex(MONTH_PATTERN) });
export const ZGenerateResult = z.object({ created: z.number().int() });
