import {
  approveDecision,
  decide,
  getApplicationForReview,
  listReviewQueue,
  requestInfo,
  saveScores,
} from '../../../domain/admission/review';
import { getTemplate, listTemplates, publishTemplate } from '../../../domain/admission/templates';
import { requirePermission, router, staffProcedure } from '../../trpc';
import {
  ZApplicationRef,
  ZApproveInput,
  ZDecideInput,
  ZPublishTemplateInput,
  ZQueueInput,
  ZQueueOutput,
  ZRequestInfoInput,
  ZReviewView,
  ZSaveScoresInput,
  ZTemplateKind,
  ZTemplateRef,
  ZTemplateSummaries,
  ZTemplateView,
} from './admission.schema';

// Admission review by platform staff: the queue, scoring against the template of the
// applicant's kind, asking for more, the decision and its approval; and the scoring
// templates themselves.

const reviewer = staffProcedure.use(requirePermission('admission.review'));

export const staffAdmissionRouter = router({
  queue: reviewer
    .input(ZQueueInput)
    .output(ZQueueOutput)
    .query(({ ctx, input }) => listReviewQueue(ctx.db, input)),
  get: reviewer
    .input(ZApplicationRef)
    .output(ZReviewView)
    .query(({ ctx, input }) => getApplicationForReview(ctx.db, input.applicationId)),
  saveScores: reviewer
    .input(ZSaveScoresInput)
    .output(ZReviewView)
    .mutation(({ ctx, input }) => saveScores(ctx.db, ctx.caller, input)),
  requestInfo: reviewer
    .input(ZRequestInfoInput)
    .output(ZReviewView)
    .mutation(({ ctx, input }) => requestInfo(ctx.db, ctx.caller, input)),
  decide: reviewer
    .input(ZDecideInput)
    .output(ZReviewView)
    .mutation(({ ctx, input }) => decide(ctx.db, ctx.caller, input)),
  approve: reviewer
    .input(ZApproveInput)
    .output(ZReviewView)
    .mutation(({ ctx, input }) => approveDecision(ctx.db, ctx.caller, input)),
  templates: router({
    list: reviewer
      .input(ZTemplateKind)
      .output(ZTemplateSummaries)
      .query(({ ctx, input }) => listTemplates(ctx.db, input.kind)),
    get: reviewer
      .input(ZTemplateRef)
      .output(ZTemplateView)
      .query(({ ctx, input }) => getTemplate(ctx.db, input.templateId)),
    publish: staffProcedure
      .use(requirePermission('admission.templates.manage'))
      .input(ZPublishTemplateInput)
      .output(ZTemplateView)
      .mutation(({ ctx, input: { basedOnVersion, ...template } }) =>
        publishTemplate(ctx.db, ctx.caller, template, basedOnVersion),
      ),
  }),
});
