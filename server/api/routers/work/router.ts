import { listWorkCaseChanges, recordFinding } from '../../../domain/cases/changes';
import { listCaseRepayments, reportRepayment } from '../../../domain/money/repayments';
import { canContact, listCaseActions, logAction } from '../../../domain/work/actions';
import { recordContactRequest } from '../../../domain/work/contact-requests';
import { getWorkCase, revealNumber } from '../../../domain/work/case-page';
import { listQueue } from '../../../domain/work/queue';
import { listCaseRestructures, proposeRestructure } from '../../../domain/work/restructure';
import { listAgencyTemplates, listWorkedPackages, submitTemplate } from '../../../domain/work/templates';
import {
  attachEvidence,
  cancelVisit,
  listCaseVisits,
  listVisitStaff,
  planVisit,
  recordVisit,
} from '../../../domain/work/visits';
import { agencyProcedure, requirePermission, router } from '../../trpc';
import { ZRepaymentRow, ZRepayments, ZReportRepaymentInput } from '../repayments/repayments.schema';
import { ZNoInput } from '../shared.schema';
import {
  ZActionList,
  ZActionsInput,
  ZAgencyTemplatesInput,
  ZAttachEvidenceInput,
  ZCancelVisitInput,
  ZCaseChanges,
  ZCanContactInput,
  ZCaseIdInput,
  ZEvidence,
  ZLogActionInput,
  ZLogActionResult,
  ZPlanVisitInput,
  ZProposeRestructureInput,
  ZQueue,
  ZQueueInput,
  ZRecordFindingInput,
  ZRecordFindingResult,
  ZRecordVisitInput,
  ZRestructure,
  ZRestructures,
  ZRevealInput,
  ZRevealResult,
  ZSubmitTemplateInput,
  ZTemplate,
  ZTemplates,
  ZVerdict,
  ZVisitRow,
  ZVisits,
  ZVisitStaff,
  ZWorkCase,
  ZWorkedPackages,
} from './work.schema';
import { ZContactRequest, ZContactRequestInput } from './protections.schema';

const working = agencyProcedure.use(requirePermission('cases.work'));

const toRow = (v: {
  id: string;
  status: 'planned' | 'visited' | 'cancelled';
  plannedFor: Date;
  visitedAt: Date | null;
}) => ({ id: v.id, status: v.status, plannedFor: v.plannedFor, visitedAt: v.visitedAt });

/** Case work in the agency: the case page, the rulebook check, logging actions, field visits, repayments. */
export const workRouter = router({
  /** The collector's own cases, what is due first. */
  queue: working
    .input(ZQueueInput)
    .output(ZQueue)
    .query(({ ctx, input }) => listQueue(ctx.db, ctx.caller, input)),
  /** The case page: debtor, numbers and contacts masked; loan figures; stage. */
  case: working
    .input(ZCaseIdInput)
    .output(ZWorkCase)
    .query(({ ctx, input }) => getWorkCase(ctx.db, ctx.caller, input.caseId)),
  /** The agency's own actions on the case, newest first. */
  actions: working
    .input(ZActionsInput)
    .output(ZActionList)
    .query(({ ctx, input }) => listCaseActions(ctx.db, ctx.caller, input)),
  /** Asked before dialling: may this contact happen now, and if not, which rule and when. */
  canContact: working
    .input(ZCanContactInput)
    .output(ZVerdict)
    .query(({ ctx, input }) => canContact(ctx.db, ctx.caller, input)),
  /** Logs an action after the rulebook allows it (a hard rule refuses it with its reason). */
  logAction: working
    .input(ZLogActionInput)
    .output(ZLogActionResult)
    .mutation(({ ctx, input }) => logAction(ctx.db, ctx.caller, input)),
  /** One full number, for a reason, audited. */
  /** Records the debtor's own request about being contacted: the rule engine enforces it from now on, for every agency. */
  contactRequest: working
    .input(ZContactRequestInput)
    .output(ZContactRequest)
    .mutation(({ ctx, input }) => recordContactRequest(ctx.db, ctx.caller, input)),
  reveal: working
    .input(ZRevealInput)
    .output(ZRevealResult)
    .mutation(({ ctx, input }) => revealNumber(ctx.db, ctx.caller, input)),
  /** Records a number or an address the agency found for the debtor, with its source and optional evidence. */
  recordFinding: working
    .input(ZRecordFindingInput)
    .output(ZRecordFindingResult)
    .mutation(({ ctx, input }) => recordFinding(ctx.db, ctx.caller, input)),
  /** The case's changes the agency reads: its own findings and the creditor's update files. */
  changes: working
    .input(ZCaseIdInput)
    .output(ZCaseChanges)
    .query(({ ctx, input }) => listWorkCaseChanges(ctx.db, ctx.caller, input.caseId)),
  /** The restructuring requests on the case. */
  restructures: working
    .input(ZCaseIdInput)
    .output(ZRestructures)
    .query(({ ctx, input }) => listCaseRestructures(ctx.db, ctx.caller, input.caseId)),
  /** Proposes a reduction, deferral or instalments: inside the package's bands approved at once. */
  proposeRestructure: working
    .input(ZProposeRestructureInput)
    .output(ZRestructure)
    .mutation(({ ctx, input }) => proposeRestructure(ctx.db, ctx.caller, input)),
  /** The agency's message templates (approved ones are what may be sent). */
  templates: working
    .input(ZAgencyTemplatesInput)
    .output(ZTemplates)
    .query(({ ctx, input }) => listAgencyTemplates(ctx.db, ctx.caller, input)),
  /** Submits an SMS or letter template for a package: a forbidden phrase refuses it outright. */
  submitTemplate: agencyProcedure
    .use(requirePermission('templates.manage'))
    .input(ZSubmitTemplateInput)
    .output(ZTemplate)
    .mutation(({ ctx, input }) => submitTemplate(ctx.db, ctx.caller, input)),
  /** The packages the agency works now. */
  packages: working
    .input(ZNoInput)
    .output(ZWorkedPackages)
    .query(({ ctx }) => listWorkedPackages(ctx.db, ctx.caller)),
  /** The agency's field visits on the case: plans, records, staff, evidence and flags. */
  visits: working
    .input(ZCaseIdInput)
    .output(ZVisits)
    .query(({ ctx, input }) => listCaseVisits(ctx.db, ctx.caller, input.caseId)),
  /** The agency's active staff, to name on a visit. */
  visitStaff: working
    .input(ZNoInput)
    .output(ZVisitStaff)
    .query(({ ctx }) => listVisitStaff(ctx.db, ctx.caller)),
  /** Plans a visit: at least two named staff, a time in the debtor's zone inside the window. */
  planVisit: working
    .input(ZPlanVisitInput)
    .output(ZVisitRow)
    .mutation(async ({ ctx, input }) => toRow(await planVisit(ctx.db, ctx.caller, input))),
  /** Records a planned visit now (server time), checked against the rulebook like any contact. */
  recordVisit: working
    .input(ZRecordVisitInput)
    .output(ZVisitRow)
    .mutation(async ({ ctx, input }) => toRow(await recordVisit(ctx.db, ctx.caller, input))),
  /** Calls off a planned visit, for a reason. */
  cancelVisit: working
    .input(ZCancelVisitInput)
    .output(ZVisitRow)
    .mutation(async ({ ctx, input }) => toRow(await cancelVisit(ctx.db, ctx.caller, input))),
  /** Attaches an uploaded photo, audio or video file to a recorded visit. */
  attachEvidence: working
    .input(ZAttachEvidenceInput)
    .output(ZEvidence)
    .mutation(async ({ ctx, input }) => {
      const e = await attachEvidence(ctx.db, ctx.caller, input);
      return {
        id: e.id,
        fileId: e.fileId,
        kind: e.kind,
        sha256: e.sha256,
        size: e.size,
        mime: e.mime,
        fileName: e.fileName,
        createdAt: e.createdAt,
        late: e.late,
      };
    }),
  /** The agency's repayment reports on the case. */
  repayments: working
    .input(ZCaseIdInput)
    .output(ZRepayments)
    .query(({ ctx, input }) => listCaseRepayments(ctx.db, ctx.caller, input.caseId)),
  /** Reports a repayment with its receipt: the creditor confirms or disputes it. */
  reportRepayment: working
    .input(ZReportRepaymentInput)
    .output(ZRepaymentRow)
    .mutation(({ ctx, input }) => reportRepayment(ctx.db, ctx.caller, input)),
});
