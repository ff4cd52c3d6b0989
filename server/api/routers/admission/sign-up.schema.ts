import { z } from 'zod';
import { APPLICANT_TYPES } from '@/db/enums';
import { ZCreditCode, ZEmail, ZMobile, ZPassword, ZPersonName } from '../shared.schema';

export const ZSignUpInput = z
  .strictObject({
    type: z.enum(APPLICANT_TYPES, { error: 'v.orgType' }),
    orgName: z.string().trim().min(2, { error: 'v.orgName' }).max(100),
    creditCode: ZCreditCode,
    adminName: ZPersonName,
    email: ZEmail,
    phone: ZMobile.nullish(),
    password: ZPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { error: 'v.passwordMismatch', path: ['confirmPassword'] });
export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZSignUpOutput = z.object({ email: z.string() });
