import { addDays } from '../../../domain/rules/zone';
import { importCallFile } from '../../../domain/calls/file';
import { ingestCallRecords } from '../../../domain/calls/ingest';
import { listCallBatches, listCalls, listPhantoms } from '../../../domain/calls/read';
import { callSummary, monthlyCallTotals } from '../../../domain/calls/summary';
import { shanghaiInstant } from '@/lib/dates';
import { getBlobStore } from '../../../storage/store';
import { translateIssue } from '../../errors';
import { getTranslate } from '../../../i18n/translate';
import { authedProcedure, requirePermission, router } from '../../trpc';
import {
  ZCallBatch,
  ZCallBatches,
  ZCallFileResult,
  ZCallPage,
  ZCallSummary,
  ZCallSummaryInput,
  ZCallMonths,
  ZImportCallFileInput,
  ZIngestResult,
  ZListCallsInput,
  ZListPhantomsInput,
  ZPhantomPage,
} from './calls.schema';
import { ZNoInput, ZPageInput } from '../shared.schema';

const writer = authedProcedure.use(requirePermission('calls.write'));
const reader = authedProcedure.use(requirePermission('calls.read'));

/** Beijing days (both included) as the instants a query compares. */
const period = (from?: string, to?: string) => ({
  from: from ? shanghaiInstant(`${from}T00:00:00`) : undefined,
  to: to ? shanghaiInstant(`${addDays(to, 1)}T00:00:00`) : undefined,
});

/** Call records (话单): agencies send them; everyone who may reads what they showed. */
export const callsRouter = router({
  /** A batch from a dialer or SMS gateway (POST /api/v1/agency/calls/batch). */
  ingest: writer
    .input(ZCallBatch)
    .output(ZIngestResult)
    .mutation(({ ctx, input }) => ingestCallRecords(ctx.db, ctx.caller, input.items, { kind: 'api' })),
  /** A dialer's export uploaded as a file: all or nothing, errors by row and column. */
  importFile: writer
    .input(ZImportCallFileInput)
    .output(ZCallFileResult)
    .mutation(async ({ ctx, input }) => {
      const outcome = await importCallFile(ctx.db, ctx.caller, input.fileId, getBlobStore());
      if (outcome.ok) return outcome;
      const t = getTranslate(ctx.locale);
      return {
        ok: false as const,
        errorCount: outcome.errorCount,
        errors: outcome.errors.map((e) => ({
          row: e.row,
          column: e.column,
          message: e.issue ? translateIssue(ctx.locale, e.issue) : t(`errors.${e.code ?? 'internal'}`),
        })),
      };
    }),
  batches: writer
    .input(ZPageInput)
    .output(ZCallBatches)
    .query(({ ctx, input }) =>
      listCallBatches(ctx.db, ctx.caller, { cursor: input.cursor ?? undefined, limit: input.limit }),
    ),
  list: reader
    .input(ZListCallsInput)
    .output(ZCallPage)
    .query(({ ctx, input }) =>
      listCalls(ctx.db, ctx.caller, { ...input, cursor: input.cursor ?? undefined, ...period(input.from, input.to) }),
    ),
  phantoms: reader
    .input(ZListPhantomsInput)
    .output(ZPhantomPage)
    .query(({ ctx, input }) =>
      listPhantoms(ctx.db, ctx.caller, {
        ...input,
        cursor: input.cursor ?? undefined,
        ...period(input.from, input.to),
      }),
    ),
  /** The platform's totals by month (staff). */
  monthly: reader
    .input(ZNoInput)
    .output(ZCallMonths)
    .query(({ ctx }) => monthlyCallTotals(ctx.db, ctx.caller)),
  summary: reader
    .input(ZCallSummaryInput)
    .output(ZCallSummary)
    .query(({ ctx, input }) => {
      const { from, to } = period(input.from, input.to);
      return callSummary(ctx.db, ctx.caller, {
        from: from ?? new Date(),
        to: to ?? new Date(),
        agencyId: input.agencyId,
      });
    }),
});
