import { previewSource } from '../../../domain/packages/packages';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZFigures, ZPreviewInput } from './packages.schema';

/** The figures a new package would have, before it is created. */
export const previewPackage = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZPreviewInput)
  .output(ZFigures)
  .query(({ ctx, input }) => previewSource(ctx.db, ctx.caller, input.source));
