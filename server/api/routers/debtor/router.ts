import { complainAsDebtor, complaintCaseOf } from '../../../domain/debtor/complain';
import { chooseContactAsDebtor } from '../../../domain/debtor/contact-choice';
import { disputeAsDebtor } from '../../../domain/debtor/dispute';
import { debtorOverview } from '../../../domain/debtor/overview';
import { debtorPlanView, proposePlanAsDebtor } from '../../../domain/debtor/plan';
import { debtorPayment, payOnline } from '../../../domain/payments/debtor-payment';
import {
  confirmDebtorCode,
  endDebtorSession,
  sendDebtorCode,
  verifyDebtorDetails,
} from '../../../domain/debtor/verify';
import { clearedDebtorCookie, debtorCookie } from '../../../http/debtor-cookie';
import { debtorProcedure, publicProcedure, router } from '../../trpc';
import { ZComplaintReceipt, ZDebtorComplaintCase, ZDebtorComplaintInput } from '../complaints/complaints.schema';
import {
  ZConfirmCodeInput,
  ZConfirmCodeResult,
  ZContactChoiceInput,
  ZContactChoiceResult,
  ZDebtorDetailsInput,
  ZDebtorDetailsResult,
  ZDebtorOverview,
  ZDebtorPlanInput,
  ZDebtorPlanResult,
  ZDebtorPlanView,
  ZDebtorPayment,
  ZDisputeInput,
  ZPayOnlineResult,
  ZDisputeResult,
  ZSendCodeInput,
  ZSendCodeResult,
} from './debtor.schema';

// The debtor's own page (issue 20): the way in without an account (details, a code by SMS,
// a session cookie bound to the case), then what the debtor sees and does on their case.

export const debtorRouter = router({
  /** Step 1: contract number, name and last 4 ID digits; the masked numbers a code can go to. */
  verify: publicProcedure
    .input(ZDebtorDetailsInput)
    .output(ZDebtorDetailsResult)
    .mutation(({ ctx, input }) => verifyDebtorDetails(ctx.db, ctx.meta, input)),
  /** Step 2: a one-time code by SMS to the chosen number. */
  sendCode: publicProcedure
    .input(ZSendCodeInput)
    .output(ZSendCodeResult)
    .mutation(({ ctx, input }) => sendDebtorCode(ctx.db, ctx.meta, input)),
  /** Step 3: the code; the session's token goes to the browser as an HttpOnly cookie, never in the answer. */
  confirm: publicProcedure
    .input(ZConfirmCodeInput)
    .output(ZConfirmCodeResult)
    .mutation(async ({ ctx, input }) => {
      const { token, expiresAt } = await confirmDebtorCode(ctx.db, ctx.meta, input);
      ctx.setCookie(debtorCookie(token));
      return { expiresAt };
    }),
  /** What the debtor sees of their case. */
  overview: debtorProcedure.output(ZDebtorOverview).query(({ ctx }) => debtorOverview(ctx.db, ctx.debtor)),
  /** The debtor disputes the debt: every agency's contact is refused until the creditor answers. */
  dispute: debtorProcedure
    .input(ZDisputeInput)
    .output(ZDisputeResult)
    .mutation(({ ctx, input }) => disputeAsDebtor(ctx.db, ctx.meta, ctx.debtor, input)),
  /** The debtor chooses how to be contacted: enforced for every agency holding the case from now on. */
  chooseContact: debtorProcedure
    .input(ZContactChoiceInput)
    .output(ZContactChoiceResult)
    .mutation(({ ctx, input }) => chooseContactAsDebtor(ctx.db, ctx.meta, ctx.debtor, input)),
  /** Which loan a complaint from this session is about (masked): the complaint page skips the details. */
  complaintCase: debtorProcedure.output(ZDebtorComplaintCase).query(({ ctx }) => complaintCaseOf(ctx.db, ctx.debtor)),
  /** A complaint about the session's case, without the details again. */
  complain: debtorProcedure
    .input(ZDebtorComplaintInput)
    .output(ZComplaintReceipt)
    .mutation(({ ctx, input }) => complainAsDebtor(ctx.db, ctx.meta, ctx.debtor, input)),
  /** The plans the debtor may ask for (the package's bands), the plan in force and the answer to the last request. */
  plan: debtorProcedure.output(ZDebtorPlanView).query(({ ctx }) => debtorPlanView(ctx.db, ctx.debtor)),
  /** The debtor asks for a plan: inside the bands it is the case's plan at once, otherwise the creditor decides. */
  proposePlan: debtorProcedure
    .input(ZDebtorPlanInput)
    .output(ZDebtorPlanResult)
    .mutation(({ ctx, input }) => proposePlanAsDebtor(ctx.db, ctx.meta, ctx.debtor, input)),
  /** How to pay the creditor directly: its own account, what is owed, the case's reference code (made on first view). */
  payment: debtorProcedure.output(ZDebtorPayment).query(({ ctx }) => debtorPayment(ctx.db, ctx.meta, ctx.debtor)),
  /** A pay link from the creditor's payment provider for what is owed (or the next instalment). */
  payOnline: debtorProcedure.output(ZPayOnlineResult).mutation(({ ctx }) => payOnline(ctx.db, ctx.meta, ctx.debtor)),
  /** The debtor leaves: the session ends and the cookie is removed. */
  signOut: debtorProcedure.mutation(async ({ ctx }) => {
    await endDebtorSession(ctx.db, ctx.meta, ctx.debtor);
    ctx.setCookie(clearedDebtorCookie());
  }),
});
