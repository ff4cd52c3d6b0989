import { callEvidence } from '../../../domain/calls/evidence';
import { attachRecording } from '../../../domain/calls/recordings';
import { getBlobStore } from '../../../storage/store';
import { agencyProcedure, authedProcedure, requirePermission, router } from '../../trpc';
import { ZAttachedRecording, ZAttachRecordingInput, ZCallEvidence, ZCallIdInput } from './call-evidence.schema';

// The page of one call (the agency's, the creditor's and staff's alike), and the agency
// attaching the call's recording from it.

export const callEvidenceRouter = router({
  /** One call the caller may read, with its verdict, transcript, inspections and recording. */
  get: authedProcedure
    .use(requirePermission('calls.read'))
    .input(ZCallIdInput)
    .output(ZCallEvidence)
    .query(({ ctx, input }) => callEvidence(ctx.db, ctx.caller, input.recordId)),
  /** Attaches an uploaded audio file as the call's recording (once; never replaced). */
  attachRecording: agencyProcedure
    .use(requirePermission('calls.write'))
    .input(ZAttachRecordingInput)
    .output(ZAttachedRecording)
    .mutation(({ ctx, input }) =>
      attachRecording(ctx.db, ctx.caller, { recordId: input.recordId }, { fileId: input.fileId }, getBlobStore()),
    ),
});
