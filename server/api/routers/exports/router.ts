import { getExport, listMyExports, startExport } from '../../../domain/exports/exports';
import { kickQueue } from '../../../jobs/scheduler';
import { authedProcedure, router } from '../../trpc';
import { ZExport, ZExportIdInput, ZExportList, ZExportListInput, ZStartExportInput } from './exports.schema';

/** Background exports of the lists a user sees, each only its own caller's. */
export const exportsRouter = router({
  /** Queues an export of a list the caller sees, with its filters; `get` follows it until the file is ready. */
  start: authedProcedure
    .input(ZStartExportInput)
    .output(ZExport)
    .mutation(async ({ ctx, input }) => {
      const started = await startExport(ctx.db, ctx.caller, input, ctx.locale);
      kickQueue(ctx.db);
      return started;
    }),
  /** One of the caller's exports: its progress, then its file. */
  get: authedProcedure
    .input(ZExportIdInput)
    .output(ZExport)
    .query(({ ctx, input }) => getExport(ctx.db, ctx.caller, input.exportId)),
  /** The caller's exports, newest first. */
  list: authedProcedure
    .input(ZExportListInput)
    .output(ZExportList)
    .query(({ ctx, input }) => listMyExports(ctx.db, ctx.caller, input)),
});
