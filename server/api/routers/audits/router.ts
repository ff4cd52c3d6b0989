import { complainFromItem, completeAudit, createAudit, getAudit, listAudits, reviewAuditItem } from '../../../domain/audits/audits';
import { getAuditItem, listAuditItems } from '../../../domain/audits/items';
import { requirePermission, router, staffProcedure } from '../../trpc';
import { ZOrgComplaintReceipt } from '../complaints/complaints.schema';
import { ZAudit, ZAuditIdInput, ZAuditItem, ZAuditItemList, ZAuditList, ZComplainInput, ZCompleteInput, ZCreateAuditInput, ZListAuditsInput, ZListItemsInput, ZReviewInput } from './audits.schema';
import { z } from 'zod';
import { AUDIT_FINDINGS } from '@/lib/enums';

// Field audits (稽核): platform auditors sample an agency's visits and actions, review each
// record with its evidence and record what they found; a violation goes on as a complaint.

const reader = staffProcedure.use(requirePermission('audits.read'));
const auditor = staffProcedure.use(requirePermission('audits.manage'));

const create = auditor
  .input(ZCreateAuditInput)
  .output(z.object({ id: z.string(), itemCount: z.number().int() }))
  .mutation(({ ctx, input }) => createAudit(ctx.db, ctx.caller, input));
const list = reader.input(ZListAuditsInput).output(ZAuditList).query(({ ctx, input }) => listAudits(ctx.db, input));
const get = reader.input(ZAuditIdInput).output(ZAudit).query(({ ctx, input }) => getAudit(ctx.db, input.auditId));
const items = reader.input(ZListItemsInput).output(ZAuditItemList).query(async ({ ctx, input }) => {
  await getAudit(ctx.db, input.auditId);
  return listAuditItems(ctx.db, input.auditId, input);
});
/** One sampled record with its audit: what a sanction citing the finding shows. */
const item = reader
  .input(z.strictObject({ itemId: z.uuid({ error: 'v.id' }) }))
  .output(z.object({ audit: ZAudit, item: ZAuditItem }))
  .query(async ({ ctx, input }) => {
    const found = await getAuditItem(ctx.db, input.itemId);
    return { audit: await getAudit(ctx.db, found.auditId), item: found.item };
  });
const review = auditor
  .input(ZReviewInput)
  .output(z.object({ id: z.string(), finding: z.enum(AUDIT_FINDINGS) }))
  .mutation(({ ctx, input }) => reviewAuditItem(ctx.db, ctx.caller, input));
const complain = auditor.input(ZComplainInput).output(ZOrgComplaintReceipt.pick({ reference: true }).extend({ complaintId: z.string() })).mutation(({ ctx, input }) => complainFromItem(ctx.db, ctx.caller, input));
const complete = auditor
  .input(ZCompleteInput)
  .output(z.object({ id: z.string(), status: z.literal('completed') }))
  .mutation(({ ctx, input }) => completeAudit(ctx.db, ctx.caller, input));

export const auditsRouter = router({ create, list, get, items, item, review, complain, complete });
