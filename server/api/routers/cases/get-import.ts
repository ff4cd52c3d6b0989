import { getImport as get } from '../../../domain/cases/imports';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZImportIdInput, ZImportView } from './imports.schema';

export const getImport = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZImportIdInput)
  .output(ZImportView)
  .query(({ ctx, input }) => get(ctx.db, ctx.caller, input.importId));
