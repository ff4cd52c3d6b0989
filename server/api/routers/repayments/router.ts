import { decideRepayment, listCreditorRepayments, reverseRepayment } from '../../../domain/money/repayments';
import { getImport, listImports, startImport } from '../../../domain/cases/imports';
import { kickQueue } from '../../../jobs/scheduler';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZImportIdInput, ZImportList, ZImportView, ZListImportsInput, ZStartImportInput } from '../cases/cases.schema';
import { ZDecideRepaymentInput, ZRepayment, ZRepaymentList, ZRepaymentListInput, ZReverseRepaymentInput } from './repayments.schema';

/** The creditor's repayments: those reported by its agencies wait for its answer. */
const list = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZRepaymentListInput)
  .output(ZRepaymentList)
  .query(({ ctx, input }) => listCreditorRepayments(ctx.db, ctx.caller, input));

/** Confirms (the case's balance moves) or disputes (with a reason) a reported repayment, once. */
const decide = creditorProcedure
  .use(requirePermission('repayments.decide'))
  .input(ZDecideRepaymentInput)
  .output(ZRepayment.pick({ id: true, status: true }))
  .mutation(async ({ ctx, input }) => (await decideRepayment(ctx.db, ctx.caller, input)));

/** Reverses a confirmed repayment: the balance reopens. */
const reverse = creditorProcedure
  .use(requirePermission('repayments.decide'))
  .input(ZReverseRepaymentInput)
  .output(ZRepayment.pick({ id: true, status: true }))
  .mutation(async ({ ctx, input }) => (await reverseRepayment(ctx.db, ctx.caller, input)));

/** Queues the creditor's repayment file (CSV/XLSX from its loan system) for matching; `importGet` follows it. */
const importStart = creditorProcedure
  .use(requirePermission('repayments.decide'))
  .input(ZStartImportInput)
  .output(ZImportView)
  .mutation(async ({ ctx, input }) => {
    const started = await startImport(ctx.db, ctx.caller, input, 'repayments');
    kickQueue(ctx.db);
    return started;
  });

/** One repayment file: its progress, then what it confirmed and recorded, or every bad row. */
const importGet = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZImportIdInput)
  .output(ZImportView)
  .query(({ ctx, input }) => getImport(ctx.db, ctx.caller, input.importId, 'repayments'));

/** The creditor's repayment files, newest first. */
const importList = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZListImportsInput)
  .output(ZImportList)
  .query(({ ctx, input }) => listImports(ctx.db, ctx.caller, input, 'repayments'));

export const repaymentsRouter = router({ list, decide, reverse, imports: router({ start: importStart, get: importGet, list: importList }) });
