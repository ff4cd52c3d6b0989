import { z } from 'zod';
import { ZPassword } from '../shared.schema';

const ZToken = z.string().min(20, { error: 'v.inviteToken' }).max(100);

export const ZGetInviteInput = z.object({ token: ZToken });
export const ZGetInviteOutput = z.object({ email: z.string(), name: z.string(), orgName: z.string() });

export const ZAcceptInviteInput = z
  .strictObject({ token: ZToken, password: ZPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { error: 'v.passwordMismatch', path: ['confirmPassword'] });
export type TAcceptInviteInput = z.input<typeof ZAcceptInviteInput>;
export const ZAcceptInviteOutput = z.object({ email: z.string() });
