import { currentForm, formVersion, listForms, publishForm } from '../../../domain/calls/inspection-forms';
import { inspectionFilters, inspectionQueue } from '../../../domain/calls/inspection-queue';
import { inspectionSummary } from '../../../domain/calls/inspection-results';
import { getInspection, inspectCall, listInspections } from '../../../domain/calls/inspections';
import { authedProcedure, requirePermission, router, staffProcedure } from '../../trpc';
import {
  ZFilters,
  ZFiltersInput,
  ZForm,
  ZFormList,
  ZFormVersionInput,
  ZInspectInput,
  ZInspectionDetail,
  ZInspectionList,
  ZInspectResult,
  ZListInput,
  ZPublishFormInput,
  ZQueue,
  ZQueueInput,
  ZRecordIdInput,
  ZSummary,
  ZSummaryInput,
} from './inspections.schema';

// Quality inspection of calls (质检): an agency's supervisors inspect their own agency's
// calls, the platform's auditors any agency's; platform admins publish the form's versions.

const inspector = authedProcedure.use(requirePermission('inspections.perform'));
const formManager = staffProcedure.use(requirePermission('inspections.forms.manage'));

export const inspectionsRouter = router({
  queue: inspector
    .input(ZQueueInput)
    .output(ZQueue)
    .query(({ ctx, input }) => inspectionQueue(ctx.db, ctx.caller, input)),
  filters: inspector
    .input(ZFiltersInput)
    .output(ZFilters)
    .query(({ ctx, input }) => inspectionFilters(ctx.db, ctx.caller, input)),
  get: inspector
    .input(ZRecordIdInput)
    .output(ZInspectionDetail)
    .query(({ ctx, input }) => getInspection(ctx.db, ctx.caller, input.recordId)),
  inspect: inspector
    .input(ZInspectInput)
    .output(ZInspectResult)
    .mutation(({ ctx, input }) => inspectCall(ctx.db, ctx.caller, input)),
  list: inspector
    .input(ZListInput)
    .output(ZInspectionList)
    .query(({ ctx, input }) => listInspections(ctx.db, ctx.caller, input)),
  summary: inspector
    .input(ZSummaryInput)
    .output(ZSummary)
    .query(({ ctx, input }) => inspectionSummary(ctx.db, ctx.caller, input)),
  forms: router({
    list: formManager.output(ZFormList).query(async ({ ctx }) => ({ items: await listForms(ctx.db) })),
    /** One version (the current one when none is named): what the editor starts from. */
    get: formManager
      .input(ZFormVersionInput)
      .output(ZForm)
      .query(({ ctx, input }) => (input.version ? formVersion(ctx.db, input.version) : currentForm(ctx.db))),
    publish: formManager
      .input(ZPublishFormInput)
      .output(ZForm)
      .mutation(({ ctx, input }) => publishForm(ctx.db, ctx.caller, input)),
  }),
});
