import { getImport, listImports, startImport } from '../../../domain/cases/imports';
import { decideRepayment, listCreditorRepayments, reverseRepayment } from '../../../domain/money/repayments';
import { kickQueue } from '../../../jobs/scheduler';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZImportIdInput, ZImportList, ZImportView, ZListImportsInput, ZStartImportInput } from '../cases/cases.schema';
import {
  ZDecideRepaymentInput,
  ZRepaymentList,
  ZRepaymentListInput,
  ZRepaymentRow,
  ZReverseRepaymentInput,
} from './repayments.schema';

const reader = creditorProcedure.use(requirePermission('cases.read'));
const decider = creditorProcedure.use(requirePermission('repayments.decide'));

/** The creditor's repayments, and the repayment files it brings in from its loan system. */
export const repaymentsRouter = router({
  /** The creditor's repayments: those reported by its agencies wait for its answer. */
  list: reader
    .input(ZRepaymentListInput)
    .output(ZRepaymentList)
    .query(({ ctx, input }) => listCreditorRepayments(ctx.db, ctx.caller, input)),
  /** Confirms (the case's balance moves) or disputes (with a reason) a reported repayment, once. */
  decide: decider
    .input(ZDecideRepaymentInput)
    .output(ZRepaymentRow)
    .mutation(({ ctx, input }) => decideRepayment(ctx.db, ctx.caller, input)),
  /** Reverses a confirmed repayment: the balance reopens. */
  reverse: decider
    .input(ZReverseRepaymentInput)
    .output(ZRepaymentRow)
    .mutation(({ ctx, input }) => reverseRepayment(ctx.db, ctx.caller, input)),
  imports: router({
    /** Queues the creditor's repayment file (CSV/XLSX from its loan system) for matching; `get` follows it. */
    start: decider
      .input(ZStartImportInput)
      .output(ZImportView)
      .mutation(async ({ ctx, input }) => {
        const started = await startImport(ctx.db, ctx.caller, input, 'repayments');
        kickQueue(ctx.db);
        return started;
      }),
    /** One repayment file: its progress, then what it confirmed and recorded, or every bad row. */
    get: reader
      .input(ZImportIdInput)
      .output(ZImportView)
      .query(({ ctx, input }) => getImport(ctx.db, ctx.caller, input.importId, 'repayments')),
    /** The creditor's repayment files, newest first. */
    list: reader
      .input(ZListImportsInput)
      .output(ZImportList)
      .query(({ ctx, input }) => listImports(ctx.db, ctx.caller, input, 'repayments')),
  }),
});
