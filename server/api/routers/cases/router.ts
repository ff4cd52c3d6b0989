import { closeUnrecoverable } from '../../../domain/cases/close';
import { getImport, listImports, startImport } from '../../../domain/cases/imports';
import { listAgencyCases, listCreditorCases } from '../../../domain/cases/case-lists';
import { assignByRule, assignCases, recallCases } from '../../../domain/cases/placement';
import { kickQueue } from '../../../jobs/scheduler';
import { agencyProcedure, creditorProcedure, requirePermission, router } from '../../trpc';
import {
  ZAgencyCasesInput,
  ZAssignByRuleInput,
  ZAssignInput,
  ZAssignResult,
  ZCaseList,
  ZCloseCaseInput,
  ZClosedCase,
  ZCreditorCasesInput,
  ZImportIdInput,
  ZImportList,
  ZImportView,
  ZListImportsInput,
  ZRecallInput,
  ZRecallResult,
  ZStartImportInput,
} from './cases.schema';

const reader = creditorProcedure.use(requirePermission('cases.read'));
const assigner = agencyProcedure.use(requirePermission('cases.assign'));

/** Cases: the creditor imports, lists, recalls and closes its own; the agency lists and assigns those commissioned to it. */
export const casesRouter = router({
  imports: router({
    /** Queues an uploaded CSV/XLSX for import; the page follows its progress with `get`. */
    start: creditorProcedure
      .use(requirePermission('cases.import'))
      .input(ZStartImportInput)
      .output(ZImportView)
      .mutation(async ({ ctx, input }) => {
        const started = await startImport(ctx.db, ctx.caller, input);
        kickQueue(ctx.db);
        return started;
      }),
    get: reader
      .input(ZImportIdInput)
      .output(ZImportView)
      .query(({ ctx, input }) => getImport(ctx.db, ctx.caller, input.importId)),
    list: reader
      .input(ZListImportsInput)
      .output(ZImportList)
      .query(({ ctx, input }) => listImports(ctx.db, ctx.caller, input)),
  }),
  /** Update files (失联修复): changes to cases already imported, landed whole or not at all. */
  updates: router({
    start: creditorProcedure
      .use(requirePermission('cases.import'))
      .input(ZStartImportInput)
      .output(ZImportView)
      .mutation(async ({ ctx, input }) => {
        const started = await startImport(ctx.db, ctx.caller, input, 'updates');
        kickQueue(ctx.db);
        return started;
      }),
    get: reader
      .input(ZImportIdInput)
      .output(ZImportView)
      .query(({ ctx, input }) => getImport(ctx.db, ctx.caller, input.importId, 'updates')),
    list: reader
      .input(ZListImportsInput)
      .output(ZImportList)
      .query(({ ctx, input }) => listImports(ctx.db, ctx.caller, input, 'updates')),
  }),
  /** The creditor's cases with filters, keyset-paginated; PII masked. */
  list: reader
    .input(ZCreditorCasesInput)
    .output(ZCaseList)
    .query(({ ctx, input }) => listCreditorCases(ctx.db, ctx.caller, input)),
  /** Recalls cases from their agency, chosen or a whole commission, with a reason. */
  recall: creditorProcedure
    .use(requirePermission('packages.manage'))
    .input(ZRecallInput)
    .output(ZRecallResult)
    .mutation(({ ctx, input }) => recallCases(ctx.db, ctx.caller, input)),
  /** Closes one of the creditor's open cases as unrecoverable (核销), with a reason; its agency loses it at once. */
  close: creditorProcedure
    .use(requirePermission('cases.close'))
    .input(ZCloseCaseInput)
    .output(ZClosedCase)
    .mutation(({ ctx, input }) => closeUnrecoverable(ctx.db, ctx.caller, input)),
  agency: router({
    /** Cases commissioned to the agency (collectors: their own); PII masked. */
    list: agencyProcedure
      .use(requirePermission('cases.work'))
      .input(ZAgencyCasesInput)
      .output(ZCaseList)
      .query(({ ctx, input }) => listAgencyCases(ctx.db, ctx.caller, input)),
    assign: assigner
      .input(ZAssignInput)
      .output(ZAssignResult)
      .mutation(({ ctx, input }) => assignCases(ctx.db, ctx.caller, input)),
    assignByRule: assigner
      .input(ZAssignByRuleInput)
      .output(ZAssignResult)
      .mutation(({ ctx, input }) => assignByRule(ctx.db, ctx.caller, input)),
  }),
});
