import { z } from 'zod';
import { ADMISSION_DOCUMENT_KINDS, APPLICANT_TYPES, APPLICATION_STATUSES, TIERS } from '@/lib/enums';
import { ZCreditCode, ZEmail, ZMobile, ZPersonName } from '../shared.schema';

export {
  ZBasicsForm,
  ZComplianceForm,
  ZLicenceForm,
  ZSectionDraft,
  ZSystemsForm,
  ZTrackRecordForm,
  type TSectionDraft,
} from '../../../domain/admission/sections.schema';

// No password here: the first admin sets it through the link mailed to the address, so an
// account is only ever the mailbox owner's (and the answer is the same for a registered email).
export const ZSignUpInput = z.strictObject({
  type: z.enum(APPLICANT_TYPES, { error: 'v.orgType' }),
  orgName: z.string().trim().min(2, { error: 'v.orgName' }).max(100),
  creditCode: ZCreditCode,
  adminName: ZPersonName,
  email: ZEmail,
  phone: ZMobile.nullish(),
});
export type TSignUpInput = z.input<typeof ZSignUpInput>;

/** The address the mail went to, whether it was a link (a new email) or a notice (a registered one). */
export const ZSignUpOutput = z.object({ email: z.string() });

export const ZDocumentView = z.object({
  id: z.string(),
  kind: z.enum(ADMISSION_DOCUMENT_KINDS),
  fileName: z.string(),
  fileId: z.string(),
  size: z.number(),
  mime: z.string(),
  sha256: z.string(),
  createdAt: z.date(),
});
export type TDocumentView = z.infer<typeof ZDocumentView>;

export const ZAttachDocument = z.object({
  fileId: z.uuid(),
  kind: z.enum(ADMISSION_DOCUMENT_KINDS),
  fileName: z.string().trim().min(1).max(200),
});

export const ZRemoveDocument = z.object({ documentId: z.uuid() });

export const ZApplicationView = z.object({
  id: z.string(),
  kind: z.enum(['creditor', 'agency']),
  status: z.enum(APPLICATION_STATUSES),
  isRenewal: z.boolean(),
  sections: z.record(z.string(), z.unknown()),
  legalRepIdMasked: z.string().nullable(),
  completeness: z.record(z.string(), z.boolean()),
  isComplete: z.boolean(),
  isEditable: z.boolean(),
  infoRequest: z.string().nullable(),
  submittedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  tier: z.enum(TIERS).nullable(),
  decisionReason: z.string().nullable(),
  documents: z.array(ZDocumentView),
  updatedAt: z.date(),
});
export type TApplicationView = z.infer<typeof ZApplicationView>;

export const ZRenewalStatus = z.object({
  isDue: z.boolean(),
  expiresAt: z.date().nullable(),
  daysLeft: z.number().int().nullable(),
  openStatus: z.enum(APPLICATION_STATUSES).nullable(),
});
