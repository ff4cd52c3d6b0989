import { changePassword as change } from '../../../domain/auth/sessions';
import { signedInProcedure } from '../../trpc';
import { ZChangePasswordInput, ZChangePasswordOutput } from './get-me.schema';

/** The signed-in user sets a new password; every session of theirs ends, this one included. */
export const changePassword = signedInProcedure
  .input(ZChangePasswordInput)
  .output(ZChangePasswordOutput)
  .mutation(({ ctx, input }) => change(ctx.db, ctx.caller, input));
