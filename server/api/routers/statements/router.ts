import { z } from 'zod';
import { STATEMENT_STATUSES } from '@/lib/enums';
import { MONTH_PATTERN } from '@/lib/months';
import { agreeStatement, generateStatements, getStatement, listStatements, markStatementPaid } from '../../../domain/money/statements';
import { authedProcedure, creditorProcedure, requirePermission, router } from '../../trpc';

const ZStatement = z.object({
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
const ZStatementId = z.object({ statementId: z.uuid() });
const ZRow = ZStatement.pick({ id: true, status: true });

/** A creditor's or an agency's statements (each sees its own side's), newest first. */
const list = authedProcedure
  .use(requirePermission('statements.read'))
  .input(z.object({ status: z.enum(STATEMENT_STATUSES).optional(), cursor: z.string().nullish(), limit: z.number().int().min(1).max(100).default(30) }))
  .output(z.object({ items: z.array(ZStatement.extend({ otherName: z.string() })), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => listStatements(ctx.db, ctx.caller, input));

/** One statement with its lines. */
const get = authedProcedure
  .use(requirePermission('statements.read'))
  .input(ZStatementId)
  .output(
    ZStatement.extend({
      creditorName: z.string(),
      agencyName: z.string(),
      lines: z.array(z.object({ id: z.string(), kind: z.enum(['earned', 'reversal']), contractNo: z.string(), earnedOn: z.string(), baseAmount: z.number().int(), feeBp: z.number().int(), amount: z.number().int() })),
    }),
  )
  .query(({ ctx, input }) => getStatement(ctx.db, ctx.caller, input.statementId));

/** Draws up an ended month's statements with every agency that earned commission not yet settled. */
const generate = creditorProcedure
  .use(requirePermission('statements.manage'))
  .input(z.object({ month: z.string().regex(MONTH_PATTERN) }))
  .output(z.object({ created: z.number().int() }))
  .mutation(({ ctx, input }) => generateStatements(ctx.db, ctx.caller, ctx.caller.actor.orgId, input.month));

/** Agrees a draft statement for the caller's side; agreed by both, it is agreed. */
const agree = authedProcedure
  .use(requirePermission('statements.agree'))
  .input(ZStatementId)
  .output(ZRow)
  .mutation(async ({ ctx, input }) => agreeStatement(ctx.db, ctx.caller, input.statementId));

/** Marks an agreed statement paid. */
const pay = creditorProcedure
  .use(requirePermission('statements.manage'))
  .input(ZStatementId)
  .output(ZRow)
  .mutation(async ({ ctx, input }) => markStatementPaid(ctx.db, ctx.caller, input.statementId));

export const statementsRouter = router({ list, get, generate, agree, pay });
