import { signUpOrganization } from '../../../domain/admission/sign-up';
import { publicProcedure } from '../../trpc';
import { ZSignUpInput, ZSignUpOutput } from './sign-up.schema';

export const signUp = publicProcedure
  .input(ZSignUpInput)
  .output(ZSignUpOutput)
  .mutation(async ({ ctx, input }) => {
    const { email } = await signUpOrganization(ctx.db, ctx.meta, input);
    return { email };
  });
