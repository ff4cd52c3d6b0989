import { z } from 'zod';
import { ZOrgStatus, ZOrgType, ZPassword, ZRole } from '../shared.schema';

export const ZGetMeOutput = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  /** The user's own mobile number, whole: it is theirs (everyone else sees it masked). */
  phone: z.string().nullable(),
  role: ZRole,
  orgId: z.string(),
  orgName: z.string(),
  orgType: ZOrgType,
  orgStatus: ZOrgStatus,
  permissions: z.array(z.string()),
});
export type TGetMeOutput = z.infer<typeof ZGetMeOutput>;

export const ZChangePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, { error: 'v.required' }).max(128),
    newPassword: ZPassword,
    confirmPassword: z.string().optional(),
  })
  .refine((v) => v.confirmPassword === undefined || v.newPassword === v.confirmPassword, {
    error: 'v.passwordMismatch',
    path: ['confirmPassword'],
  });
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;
export const ZChangePasswordOutput = z.object({ isSignedOut: z.boolean() });
