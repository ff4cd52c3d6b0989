import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, CALL_RECORD_KINDS } from '@/lib/call-records';
import { ACTION_CHANNELS, ACTION_OUTCOMES, ACTION_TARGETS } from '@/lib/enums';
import { CALL_FILTERS } from '../../../domain/calls/read';
import { ZId, ZPageInput, pageOf } from '../shared.schema';

export { ZCallBatch } from '../../../domain/calls/items';

export const ZIngestResult = z.object({
  batchId: z.string(),
  received: z.int(),
  stored: z.int(),
  duplicates: z.int(),
  matched: z.int(),
  unmatched: z.int(),
});

export const ZImportCallFileInput = z.strictObject({ fileId: ZId });
export const ZCallFileResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: ZIngestResult }),
  z.object({
    ok: z.literal(false),
    errorCount: z.int(),
    errors: z.array(z.object({ row: z.int(), column: z.string(), message: z.string() })),
  }),
]);

const ZDay = z.iso.date({ error: 'v.invalidFormat' });

const ZCallScope = z.object({
  agencyId: ZId.optional(),
  agentId: ZId.optional(),
  caseId: ZId.optional(),
  /** Beijing days, both included. */
  from: ZDay.optional(),
  to: ZDay.optional(),
});

export const ZListCallsInput = ZPageInput.extend(ZCallScope.shape).extend({
  filter: z.enum(CALL_FILTERS).default('all'),
});

const ZCheckEntry = z.object({
  rule: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ZCallRow = z.object({
  id: z.string(),
  kind: z.enum(CALL_RECORD_KINDS),
  direction: z.enum(CALL_DIRECTIONS),
  partyMasked: z.string(),
  target: z.enum(ACTION_TARGETS).nullable(),
  partyNo: z.int().nullable(),
  startedAt: z.date(),
  durationS: z.int(),
  disposition: z.enum(CALL_DISPOSITIONS),
  agentRef: z.string().nullable(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  caseId: z.string().nullable(),
  contractNo: z.string().nullable(),
  checked: z.boolean(),
  violations: z.array(ZCheckEntry),
  flags: z.array(ZCheckEntry),
  isShadow: z.boolean(),
  recordingFileId: z.string().nullable(),
});
export const ZCallPage = pageOf(ZCallRow);

export const ZListPhantomsInput = ZPageInput.extend(ZCallScope.shape);
export const ZPhantomRow = z.object({
  id: z.string(),
  channel: z.enum(ACTION_CHANNELS),
  target: z.enum(ACTION_TARGETS),
  phoneMasked: z.string().nullable(),
  outcome: z.enum(ACTION_OUTCOMES),
  at: z.date(),
  actorId: z.string(),
  actorName: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  caseId: z.string(),
  contractNo: z.string(),
});
export const ZPhantomPage = pageOf(ZPhantomRow);

export const ZCallBatches = pageOf(
  z.object({
    id: z.string(),
    source: z.enum(['api', 'file']),
    received: z.int(),
    stored: z.int(),
    duplicates: z.int(),
    matched: z.int(),
    unmatched: z.int(),
    checked: z.int(),
    createdAt: z.date(),
    createdByName: z.string(),
  }),
);

export const ZCallSummaryInput = z.strictObject({ from: ZDay, to: ZDay, agencyId: ZId.optional() });
const counts = {
  calls: z.int(),
  answered: z.int(),
  messages: z.int(),
  violations: z.int(),
  flagged: z.int(),
  shadows: z.int(),
  phantoms: z.int(),
};
export const ZCallSummary = z.object({
  groupBy: z.enum(['agent', 'agency']),
  rows: z.array(z.object({ key: z.string().nullable(), name: z.string().nullable(), ...counts })),
  total: z.object(counts),
  days: z.array(
    z.object({
      day: z.string(),
      key: z.string().nullable(),
      name: z.string().nullable(),
      calls: z.int(),
      answered: z.int(),
      violations: z.int(),
    }),
  ),
});

export const ZCallMonths = z.array(
  z.object({
    month: z.string(),
    calls: z.int(),
    answered: z.int(),
    violations: z.int(),
    flagged: z.int(),
    shadows: z.int(),
    phantoms: z.int(),
  }),
);
