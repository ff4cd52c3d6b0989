import { filePublicComplaint, followComplaint, uploadComplaintEvidence } from '../../../domain/complaints/file';
import { fileOrgComplaint } from '../../../domain/complaints/file-org';
import { getComplaint, listComplaints } from '../../../domain/complaints/read';
import {
  acknowledgeComplaint,
  closeComplaint,
  decideComplaint,
  extendComplaint,
  investigateComplaint,
  requestAgencyResponse,
  respondToComplaint,
  revealComplainantPhone,
} from '../../../domain/complaints/workflow';
import { issueChallenge } from '../../../domain/shared/proof-of-work';
import { getBlobStore } from '../../../storage/store';
import {
  agencyProcedure,
  authedProcedure,
  publicProcedure,
  requirePermission,
  router,
  staffProcedure,
  uploadBody,
} from '../../trpc';
import {
  ZChallenge,
  ZComplaintDetail,
  ZComplaintIdInput,
  ZComplaintList,
  ZComplaintReceipt,
  ZComplaintStatusView,
  ZDecideInput,
  ZExtendInput,
  ZFollowInput,
  ZListComplaintsInput,
  ZOrgComplaintInput,
  ZOrgComplaintReceipt,
  ZPublicComplaintInput,
  ZRespondInput,
  ZRevealContactInput,
  ZRevealed,
  ZStepInput,
  ZStepResult,
  ZUploadView,
} from './complaints.schema';

// The public complaint channel (no account: rate-limited per address, verified against
// the case without revealing it), and the complaint workflow for staff, creditors and
// the agency complained about.

const reader = authedProcedure.use(requirePermission('complaints.read'));
const handler = staffProcedure.use(requirePermission('complaints.handle'));

export const complaintsRouter = router({
  /** Evidence for a complaint about to be filed (photo, recording, PDF), streamed into storage. */
  uploadEvidence: publicProcedure
    .meta({ upload: true })
    .input(uploadBody)
    .output(ZUploadView)
    .mutation(({ ctx, input }) =>
      uploadComplaintEvidence(ctx.db, ctx.meta, input as ReadableStream<Uint8Array>, getBlobStore()),
    ),
  /** A debtor or family member files a complaint on the public page. */
  filePublic: publicProcedure
    .input(ZPublicComplaintInput)
    .output(ZComplaintReceipt)
    .mutation(({ ctx, input }) => filePublicComplaint(ctx.db, ctx.meta, input)),
  /** The complainant follows a public complaint by its reference and the last 4 ID digits. */
  follow: publicProcedure
    .input(ZFollowInput)
    .output(ZComplaintStatusView)
    .query(({ ctx, input }) => followComplaint(ctx.db, ctx.meta, input)),
  /** A challenge for the proof of work the public page solves when a check asks for one. */
  proofChallenge: publicProcedure.output(ZChallenge).mutation(() => issueChallenge()),
  /** A creditor files about the agency on one of its cases; staff about any agency. */
  file: authedProcedure
    .use(requirePermission('complaints.file'))
    .input(ZOrgComplaintInput)
    .output(ZOrgComplaintReceipt)
    .mutation(({ ctx, input }) => fileOrgComplaint(ctx.db, ctx.caller, input)),
  list: reader
    .input(ZListComplaintsInput)
    .output(ZComplaintList)
    .query(({ ctx, input }) => listComplaints(ctx.db, ctx.caller, input)),
  get: reader
    .input(ZComplaintIdInput)
    .output(ZComplaintDetail)
    .query(({ ctx, input }) => getComplaint(ctx.db, ctx.caller, input.complaintId)),
  acknowledge: handler
    .input(ZStepInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => acknowledgeComplaint(ctx.db, ctx.caller, input)),
  investigate: handler
    .input(ZStepInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => investigateComplaint(ctx.db, ctx.caller, input)),
  requestResponse: handler
    .input(ZStepInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => requestAgencyResponse(ctx.db, ctx.caller, input)),
  extend: handler
    .input(ZExtendInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => extendComplaint(ctx.db, ctx.caller, input)),
  decide: handler
    .input(ZDecideInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => decideComplaint(ctx.db, ctx.caller, input)),
  close: handler
    .input(ZStepInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => closeComplaint(ctx.db, ctx.caller, input)),
  /** The agency's answer, when staff asked for it. */
  respond: agencyProcedure
    .use(requirePermission('complaints.respond'))
    .input(ZRespondInput)
    .output(ZStepResult)
    .mutation(({ ctx, input }) => respondToComplaint(ctx.db, ctx.caller, input)),
  /** The complainant's full number, to call back, with a reason (audited). */
  revealContact: handler
    .input(ZRevealContactInput)
    .output(ZRevealed)
    .mutation(({ ctx, input }) => revealComplainantPhone(ctx.db, ctx.caller, input)),
});
