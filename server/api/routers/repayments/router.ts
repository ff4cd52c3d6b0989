import { decideRepayment, listCreditorRepayments, reverseRepayment } from '../../../domain/money/repayments';
import { creditorProcedure, requirePermission, router } from '../../trpc';
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

export const repaymentsRouter = router({ list, decide, reverse });
