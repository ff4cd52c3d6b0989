import {
  agreeStatement,
  generateStatements,
  getStatement,
  listStatements,
  markStatementPaid,
} from '../../../domain/money/statements';
import { authedProcedure, creditorProcedure, requirePermission, router } from '../../trpc';
import {
  ZGenerateInput,
  ZGenerateResult,
  ZListStatementsInput,
  ZStatementDetail,
  ZStatementId,
  ZStatementList,
  ZStatementRow,
} from './statements.schema';

const reader = authedProcedure.use(requirePermission('statements.read'));
const manager = creditorProcedure.use(requirePermission('statements.manage'));

/** Monthly commission statements between a creditor and each agency it commissions. */
export const statementsRouter = router({
  /** A creditor's or an agency's statements (each sees its own side's), newest first. */
  list: reader
    .input(ZListStatementsInput)
    .output(ZStatementList)
    .query(({ ctx, input }) => listStatements(ctx.db, ctx.caller, input)),
  /** One statement with its lines. */
  get: reader
    .input(ZStatementId)
    .output(ZStatementDetail)
    .query(({ ctx, input }) => getStatement(ctx.db, ctx.caller, input.statementId)),
  /** Draws up an ended month's statements with every agency that earned commission not yet settled. */
  generate: manager
    .input(ZGenerateInput)
    .output(ZGenerateResult)
    .mutation(({ ctx, input }) => generateStatements(ctx.db, ctx.caller, ctx.caller.actor.orgId, input.month)),
  /** Agrees a draft statement for the caller's side; agreed by both, it is agreed. */
  agree: authedProcedure
    .use(requirePermission('statements.agree'))
    .input(ZStatementId)
    .output(ZStatementRow)
    .mutation(({ ctx, input }) => agreeStatement(ctx.db, ctx.caller, input.statementId)),
  /** Marks an agreed statement paid. */
  pay: manager
    .input(ZStatementId)
    .output(ZStatementRow)
    .mutation(({ ctx, input }) => markStatementPaid(ctx.db, ctx.caller, input.statementId)),
});
