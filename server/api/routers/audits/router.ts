import {
  complainFromItem,
  completeAudit,
  createAudit,
  getAudit,
  listAudits,
  reviewAuditItem,
} from '../../../domain/audits/audits';
import { getAuditItem, listAuditItems } from '../../../domain/audits/items';
import { requirePermission, router, staffProcedure } from '../../trpc';
import {
  ZAudit,
  ZAuditIdInput,
  ZAuditItemList,
  ZAuditList,
  ZAuditWithItem,
  ZComplainInput,
  ZComplainResult,
  ZCompleteInput,
  ZCompleteResult,
  ZCreateAuditInput,
  ZCreateAuditResult,
  ZItemIdInput,
  ZListAuditsInput,
  ZListItemsInput,
  ZReviewInput,
  ZReviewResult,
} from './audits.schema';

// Field audits (稽核): platform auditors sample an agency's visits and actions, review each
// record with its evidence and record what they found; a violation goes on as a complaint.

const reader = staffProcedure.use(requirePermission('audits.read'));
const auditor = staffProcedure.use(requirePermission('audits.manage'));

export const auditsRouter = router({
  create: auditor
    .input(ZCreateAuditInput)
    .output(ZCreateAuditResult)
    .mutation(({ ctx, input }) => createAudit(ctx.db, ctx.caller, input)),
  list: reader
    .input(ZListAuditsInput)
    .output(ZAuditList)
    .query(({ ctx, input }) => listAudits(ctx.db, input)),
  get: reader
    .input(ZAuditIdInput)
    .output(ZAudit)
    .query(({ ctx, input }) => getAudit(ctx.db, input.auditId)),
  items: reader
    .input(ZListItemsInput)
    .output(ZAuditItemList)
    .query(async ({ ctx, input }) => {
      // An audit that does not exist answers NOT_FOUND, not an empty page.
      await getAudit(ctx.db, input.auditId);
      return listAuditItems(ctx.db, input.auditId, input);
    }),
  /** One sampled record with its audit: what a sanction citing the finding shows. */
  item: reader
    .input(ZItemIdInput)
    .output(ZAuditWithItem)
    .query(async ({ ctx, input }) => {
      const found = await getAuditItem(ctx.db, input.itemId);
      return { audit: await getAudit(ctx.db, found.auditId), item: found.item };
    }),
  review: auditor
    .input(ZReviewInput)
    .output(ZReviewResult)
    .mutation(({ ctx, input }) => reviewAuditItem(ctx.db, ctx.caller, input)),
  complain: auditor
    .input(ZComplainInput)
    .output(ZComplainResult)
    .mutation(({ ctx, input }) => complainFromItem(ctx.db, ctx.caller, input)),
  complete: auditor
    .input(ZCompleteInput)
    .output(ZCompleteResult)
    .mutation(({ ctx, input }) => completeAudit(ctx.db, ctx.caller, input)),
});
