import { saveTerms as save } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCreditorPackage, ZSaveTermsInput } from './packages.schema';

/** The terms of a draft package, all at once. */
export const saveTerms = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZSaveTermsInput)
  .output(ZCreditorPackage)
  .mutation(({ ctx, input }) => save(ctx.db, ctx.caller, input.packageId, input.terms));
