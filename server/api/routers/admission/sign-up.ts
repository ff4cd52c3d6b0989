import { signUpOrganization } from '../../../domain/admission/sign-up';
import { kickQueue } from '../../../jobs/scheduler';
import { publicProcedure } from '../../trpc';
import { ZSignUpInput, ZSignUpOutput } from './sign-up.schema';

/** Public sign-up: the same answer for a new and a registered email; the mail says what follows. */
export const signUp = publicProcedure
  .input(ZSignUpInput)
  .output(ZSignUpOutput)
  .mutation(async ({ ctx, input }) => {
    const { email } = await signUpOrganization(ctx.db, ctx.meta, input);
    kickQueue(ctx.db);
    return { email };
  });
