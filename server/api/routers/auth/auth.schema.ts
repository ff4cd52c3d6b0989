import { z } from 'zod';
import { ZPassword } from '../shared.schema';

/**
 * The sign-in form's credentials (next-auth's credentials provider, server/auth/options.ts):
 * both required; any other mistake is the one answer "wrong email or password".
 */
export const ZSignInInput = z.object({
  email: z.string().trim().min(1, { error: 'v.required' }),
  password: z.string().min(1, { error: 'v.required' }),
});
export type TSignInInput = z.output<typeof ZSignInInput>;

const ZToken = z.string().min(20, { error: 'v.inviteToken' }).max(100);

export const ZGetInviteInput = z.object({ token: ZToken });
export const ZGetInviteOutput = z.object({ email: z.string(), name: z.string(), orgName: z.string() });

export const ZAcceptInviteInput = z
  .strictObject({ token: ZToken, password: ZPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { error: 'v.passwordMismatch', path: ['confirmPassword'] });
export type TAcceptInviteInput = z.input<typeof ZAcceptInviteInput>;
export const ZAcceptInviteOutput = z.object({ email: z.string() });
