import { listImports as list } from '../../../domain/cases/imports';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZImportList, ZListImportsInput } from './imports.schema';

export const listImports = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZListImportsInput)
  .output(ZImportList)
  .query(({ ctx, input }) => list(ctx.db, ctx.caller, input));
