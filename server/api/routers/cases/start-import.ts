import { startImport as start } from '../../../domain/cases/imports';
import { kickQueue } from '../../../jobs/scheduler';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZImportView, ZStartImportInput } from './imports.schema';

/** Queues an uploaded CSV/XLSX for import; the page follows its progress with `get`. */
export const startImport = creditorProcedure
  .use(requirePermission('cases.import'))
  .input(ZStartImportInput)
  .output(ZImportView)
  .mutation(async ({ ctx, input }) => {
    const started = await start(ctx.db, ctx.caller, input);
    kickQueue(ctx.db);
    return started;
  });
