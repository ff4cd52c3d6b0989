import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, CALL_RECORD_KINDS } from '@/lib/call-records';
import { ACTION_TARGETS, ORG_TYPES } from '@/lib/enums';

// The page of one call: the record, the rulebook's verdict on it, its transcript, its
// inspections and its recording. Messages `v.<key>` name catalog entries.

export const ZCallIdInput = z.strictObject({ recordId: z.uuid({ error: 'v.id' }) });
export type TCallIdInput = z.input<typeof ZCallIdInput>;

export const ZAttachRecordingInput = z.strictObject({
  recordId: z.uuid({ error: 'v.id' }),
  fileId: z.uuid({ error: 'v.id' }),
});
export type TAttachRecordingInput = z.input<typeof ZAttachRecordingInput>;

export const ZAttachedRecording = z.object({
  recordId: z.uuid(),
  fileId: z.uuid(),
  sha256: z.string(),
  size: z.number().int(),
  mime: z.string(),
});
export type TAttachedRecording = z.output<typeof ZAttachedRecording>;

const ZValues = z.record(z.string(), z.union([z.string(), z.number()]));
const ZRuleHit = z.object({ rule: z.string(), values: ZValues.optional() });

/** A stretch of the transcript, and the forbidden-phrase family it falls into when it is a hit. */
export const ZTranscriptPart = z.object({
  text: z.string(),
  hit: z.object({ family: z.string(), familyEn: z.string(), category: z.string() }).nullable(),
});

const ZLabel = z.object({ 'zh-CN': z.string(), en: z.string() });

export const ZCallEvidence = z.object({
  id: z.uuid(),
  externalId: z.string(),
  kind: z.enum(CALL_RECORD_KINDS),
  direction: z.enum(CALL_DIRECTIONS),
  partyMasked: z.string(),
  lineNo: z.string(),
  agencyName: z.string(),
  agent: z.object({ name: z.string().nullable(), ref: z.string().nullable() }),
  startedAt: z.date(),
  answeredAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  durationS: z.number().int(),
  disposition: z.enum(CALL_DISPOSITIONS),
  /** The debtor's time zone (Beijing for a call matched to no case). */
  timeZone: z.string(),
  body: z.string().nullable(),
  case: z
    .object({
      id: z.uuid(),
      contractNo: z.string(),
      target: z.enum(ACTION_TARGETS).nullable(),
      partyNo: z.number().int().nullable(),
      /** Whether the caller may open the case's page. */
      canOpen: z.boolean(),
    })
    .nullable(),
  check: z
    .object({ ruleVersion: z.number().int(), violations: z.array(ZRuleHit), flags: z.array(ZRuleHit) })
    .nullable(),
  isShadow: z.boolean(),
  transcript: z.array(ZTranscriptPart).nullable(),
  inspections: z.array(
    z.object({
      id: z.uuid(),
      side: z.enum(ORG_TYPES),
      inspectorName: z.string(),
      formVersion: z.number().int(),
      scoreBp: z.number().int(),
      fatalFailed: z.array(z.object({ key: z.string(), label: ZLabel })),
      note: z.string(),
      createdAt: z.date(),
    }),
  ),
  recording: z
    .object({ fileId: z.uuid(), mime: z.string(), size: z.number().int(), sha256: z.string(), attachedAt: z.date() })
    .nullable(),
  /** Whether the caller may attach the recording (the making agency's admins and supervisors, none attached yet). */
  canAttachRecording: z.boolean(),
});
export type TCallEvidence = z.output<typeof ZCallEvidence>;
