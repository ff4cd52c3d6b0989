import {
  getCaseRecord,
  listRecordActions,
  listRecordChanges,
  listRecordRepayments,
  listRecordVisits,
  listVisits,
} from '../../../domain/work/record';
import { authedProcedure, requirePermission, router } from '../../trpc';
import { ZActionsInput, ZCaseChanges, ZCaseIdInput } from '../work/work.schema';
import {
  ZRecordActions,
  ZRecordCase,
  ZRecordRepayments,
  ZRecordVisits,
  ZVisitList,
  ZVisitListInput,
} from './record.schema';

// A case's whole record for its creditor, and for the platform's auditors and complaint
// handlers: the same procedures, the organization deciding which cases answer.
const reading = authedProcedure.use(requirePermission('cases.record'));

export const recordRouter = router({
  /** The case, numbers masked, with its agency and package. */
  case: reading
    .input(ZCaseIdInput)
    .output(ZRecordCase)
    .query(({ ctx, input }) => getCaseRecord(ctx.db, ctx.caller, input.caseId)),
  /** Every agency's actions on the case, newest first. */
  actions: reading
    .input(ZActionsInput)
    .output(ZRecordActions)
    .query(({ ctx, input }) => listRecordActions(ctx.db, ctx.caller, input)),
  /** Every agency's field visits with staff, evidence (hash, size, type) and flags. */
  visits: reading
    .input(ZCaseIdInput)
    .output(ZRecordVisits)
    .query(({ ctx, input }) => listRecordVisits(ctx.db, ctx.caller, input.caseId)),
  /** Field visits across the creditor's cases, or the platform's for staff, newest plan first; flagged ones on demand. */
  visitList: reading
    .input(ZVisitListInput)
    .output(ZVisitList)
    .query(({ ctx, input }) => listVisits(ctx.db, ctx.caller, input)),
  /** Every change of the debtor's data (numbers, addresses, contacts, balances) with its source, newest first. */
  changes: reading
    .input(ZCaseIdInput)
    .output(ZCaseChanges)
    .query(({ ctx, input }) => listRecordChanges(ctx.db, ctx.caller, input.caseId)),
  /** Every repayment on the case with its decision. */
  repayments: reading
    .input(ZCaseIdInput)
    .output(ZRecordRepayments)
    .query(({ ctx, input }) => listRecordRepayments(ctx.db, ctx.caller, input.caseId)),
});
