import { z } from 'zod';
import { listCaseRepayments, reportRepayment as report } from '../../../domain/money/repayments';
import { ZReportRepaymentInput, ZRepayment } from '../repayments/repayments.schema';
import { attachEvidence as attach, cancelVisit as cancel, listCaseVisits, listVisitStaff, planVisit as plan, recordVisit as record } from '../../../domain/work/visits';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZCaseIdInput } from './work.schema';
import { ZAttachEvidenceInput, ZCancelVisitInput, ZEvidence, ZPlanVisitInput, ZRecordVisitInput, ZVisit, ZVisitRow, ZVisitStaff } from './visits.schema';

const working = agencyProcedure.use(requirePermission('cases.work'));

/** The agency's field visits on the case: plans, records, staff, evidence and flags. */
export const visits = working
  .input(ZCaseIdInput)
  .output(z.array(ZVisit))
  .query(({ ctx, input }) => listCaseVisits(ctx.db, ctx.caller, input.caseId));

/** The agency's active staff, to name on a visit. */
export const visitStaff = working
  .input(z.object({}).optional())
  .output(ZVisitStaff)
  .query(({ ctx }) => listVisitStaff(ctx.db, ctx.caller));

const toRow = (v: { id: string; status: 'planned' | 'visited' | 'cancelled'; plannedFor: Date; visitedAt: Date | null }) => ({ id: v.id, status: v.status, plannedFor: v.plannedFor, visitedAt: v.visitedAt });

/** Plans a visit: at least two named staff, a time in the debtor's zone inside the window. */
export const planVisit = working
  .input(ZPlanVisitInput)
  .output(ZVisitRow)
  .mutation(async ({ ctx, input }) => toRow(await plan(ctx.db, ctx.caller, input)));

/** Records a planned visit now (server time), checked against the rulebook like any contact. */
export const recordVisit = working
  .input(ZRecordVisitInput)
  .output(ZVisitRow)
  .mutation(async ({ ctx, input }) => toRow(await record(ctx.db, ctx.caller, input)));

/** Calls off a planned visit, for a reason. */
export const cancelVisit = working
  .input(ZCancelVisitInput)
  .output(ZVisitRow)
  .mutation(async ({ ctx, input }) => toRow(await cancel(ctx.db, ctx.caller, input)));

/** Attaches an uploaded photo, audio or video file to a recorded visit. */
export const attachEvidence = working
  .input(ZAttachEvidenceInput)
  .output(ZEvidence)
  .mutation(async ({ ctx, input }) => {
    const e = await attach(ctx.db, ctx.caller, input);
    return { id: e.id, fileId: e.fileId, kind: e.kind, sha256: e.sha256, size: e.size, mime: e.mime, fileName: e.fileName, createdAt: e.createdAt, late: e.late };
  });

/** The agency's repayment reports on the case. */
export const repaymentsOfCase = working
  .input(ZCaseIdInput)
  .output(z.array(ZRepayment))
  .query(({ ctx, input }) => listCaseRepayments(ctx.db, ctx.caller, input.caseId));

/** Reports a repayment with its receipt: the creditor confirms or disputes it. */
export const reportRepayment = working
  .input(ZReportRepaymentInput)
  .output(ZRepayment.pick({ id: true, status: true }))
  .mutation(({ ctx, input }) => report(ctx.db, ctx.caller, input));
