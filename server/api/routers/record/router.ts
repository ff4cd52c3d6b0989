import { z } from 'zod';
import { getCaseRecord, listRecordActions, listRecordRepayments, listRecordVisits, listVisits } from '../../../domain/work/record';
import { ZRepayment } from '../repayments/repayments.schema';
import { authedProcedure, requirePermission, router } from '../../trpc';
import { ZActionsInput, ZCaseIdInput } from '../work/work.schema';
import { ZRecordActions, ZRecordCase, ZRecordVisit, ZVisitList, ZVisitListInput } from '../work/visits.schema';

// A case's whole record for its creditor, and for the platform's auditors and complaint
// handlers: the same procedures, the organization deciding which cases answer.
const reading = authedProcedure.use(requirePermission('cases.record'));

/** The case, numbers masked, with its agency and package. */
const getCase = reading
  .input(ZCaseIdInput)
  .output(ZRecordCase)
  .query(({ ctx, input }) => getCaseRecord(ctx.db, ctx.caller, input.caseId));

/** Every agency's actions on the case, newest first. */
const actions = reading
  .input(ZActionsInput)
  .output(ZRecordActions)
  .query(({ ctx, input }) => listRecordActions(ctx.db, ctx.caller, input));

/** Every agency's field visits with staff, evidence (hash, size, type) and flags. */
const visits = reading
  .input(ZCaseIdInput)
  .output(z.array(ZRecordVisit))
  .query(({ ctx, input }) => listRecordVisits(ctx.db, ctx.caller, input.caseId));

/** Field visits across the creditor's cases, or the platform's for staff, newest plan first; flagged ones on demand. */
const visitList = reading
  .input(ZVisitListInput)
  .output(ZVisitList)
  .query(({ ctx, input }) => listVisits(ctx.db, ctx.caller, input));

/** Every repayment on the case with its decision. */
const repayments = reading
  .input(ZCaseIdInput)
  .output(z.array(ZRepayment))
  .query(({ ctx, input }) => listRecordRepayments(ctx.db, ctx.caller, input.caseId));

export const recordRouter = router({ case: getCase, actions, visits, visitList, repayments });
