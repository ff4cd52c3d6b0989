import { assignByRule as byRule, assignCases as assign, listAgencyCases, listCreditorCases, recallCases as recall } from '../../../domain/cases/placement';
import { agencyProcedure, creditorProcedure, requirePermission } from '../../trpc';
import { ZAgencyCasesInput, ZAssignByRuleInput, ZAssignInput, ZAssignResult, ZCaseList, ZCreditorCasesInput, ZRecallInput, ZRecallResult } from './cases.schema';

/** The creditor's cases with filters, keyset-paginated; PII masked. */
export const listCases = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZCreditorCasesInput)
  .output(ZCaseList)
  .query(({ ctx, input }) => listCreditorCases(ctx.db, ctx.caller, input));

/** Recalls cases from their agency, chosen or a whole commission, with a reason. */
export const recallCases = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZRecallInput)
  .output(ZRecallResult)
  .mutation(({ ctx, input }) => recall(ctx.db, ctx.caller, input));

/** Cases commissioned to the agency (collectors: their own); PII masked. */
export const listAssigned = agencyProcedure
  .use(requirePermission('cases.work'))
  .input(ZAgencyCasesInput)
  .output(ZCaseList)
  .query(({ ctx, input }) => listAgencyCases(ctx.db, ctx.caller, input));

export const assignCases = agencyProcedure
  .use(requirePermission('cases.assign'))
  .input(ZAssignInput)
  .output(ZAssignResult)
  .mutation(({ ctx, input }) => assign(ctx.db, ctx.caller, input));

export const assignByRule = agencyProcedure
  .use(requirePermission('cases.assign'))
  .input(ZAssignByRuleInput)
  .output(ZAssignResult)
  .mutation(({ ctx, input }) => byRule(ctx.db, ctx.caller, input));
