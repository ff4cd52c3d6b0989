import {
  getOwnApplication,
  reapply,
  renewalStatus,
  saveSection,
  startRenewal,
  submitApplication,
} from '../../../domain/admission/applications';
import { attachDocument, removeDocument } from '../../../domain/admission/document-actions';
import { signUpOrganization } from '../../../domain/admission/sign-up';
import { kickQueue } from '../../../jobs/scheduler';
import { applicantProcedure, publicProcedure, requirePermission, router } from '../../trpc';
import {
  ZApplicationView,
  ZAttachDocument,
  ZRemoveDocument,
  ZRenewalStatus,
  ZSectionDraft,
  ZSignUpInput,
  ZSignUpOutput,
} from './admission.schema';

// Admission: an organization signs up, then its admins fill in, submit, renew or apply
// again with its one application (always the session organization's own).

const applicant = applicantProcedure.use(requirePermission('admission.apply'));

export const admissionRouter = router({
  /** Public sign-up: the same answer for a new and a registered email; the mail says what follows. */
  signUp: publicProcedure
    .input(ZSignUpInput)
    .output(ZSignUpOutput)
    .mutation(async ({ ctx, input }) => {
      const { email } = await signUpOrganization(ctx.db, ctx.meta, input);
      kickQueue(ctx.db);
      return { email };
    }),
  application: router({
    /** The organization's admission file, for its admins (its other users see none of it). */
    get: applicantProcedure
      .use(requirePermission('admission.read'))
      .output(ZApplicationView)
      .query(({ ctx }) => getOwnApplication(ctx.db, ctx.caller)),
    saveSection: applicant
      .input(ZSectionDraft)
      .output(ZApplicationView)
      .mutation(({ ctx, input }) => saveSection(ctx.db, ctx.caller, input)),
    submit: applicant.output(ZApplicationView).mutation(({ ctx }) => submitApplication(ctx.db, ctx.caller)),
    startRenewal: applicant.output(ZApplicationView).mutation(({ ctx }) => startRenewal(ctx.db, ctx.caller)),
    renewalStatus: applicantProcedure.output(ZRenewalStatus).query(({ ctx }) => renewalStatus(ctx.db, ctx.caller)),
    reapply: applicant.output(ZApplicationView).mutation(({ ctx }) => reapply(ctx.db, ctx.caller)),
    documents: router({
      attach: applicant
        .input(ZAttachDocument)
        .output(ZApplicationView)
        .mutation(({ ctx, input }) => attachDocument(ctx.db, ctx.caller, input)),
      remove: applicant
        .input(ZRemoveDocument)
        .output(ZApplicationView)
        .mutation(({ ctx, input }) => removeDocument(ctx.db, ctx.caller, input)),
    }),
  }),
});
