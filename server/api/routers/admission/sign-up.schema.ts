import { z } from 'zod';
import { APPLICANT_TYPES } from '@/lib/enums';
import { ZCreditCode, ZEmail, ZMobile, ZPersonName } from '../shared.schema';

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
