import { z } from 'zod';
import { CALL_DIRECTIONS, CALL_DISPOSITIONS, INSPECTION_SAMPLE_REASONS } from '@/lib/call-records';
import { COMPLAINT_CATEGORIES, ORG_TYPES, SANCTION_KINDS } from '@/lib/enums';
import { MONTH_PATTERN } from '@/lib/months';
import { ZDay } from '../../../domain/shared/fields.schema';

// Quality inspection of calls (质检, issue 19). Messages `v.<key>` name catalog entries
// (messages/*.json → validation).

const ZId = z.uuid({ error: 'v.id' });
export const ZSampleReason = z.enum(INSPECTION_SAMPLE_REASONS);
const ZMonth = z.string().regex(MONTH_PATTERN, { error: 'v.month' });

// Not strict: infinite queries add their paging direction to the input.
export const ZQueueInput = z.object({
  /** Staff only: one agency's calls. */
  agencyId: ZId.optional(),
  reason: ZSampleReason.optional(),
  agentId: ZId.optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZQueue = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      startedAt: z.date(),
      durationS: z.number(),
      direction: z.enum(CALL_DIRECTIONS),
      disposition: z.enum(CALL_DISPOSITIONS),
      partyMasked: z.string(),
      agentId: z.string().nullable(),
      agentRef: z.string().nullable(),
      agentName: z.string().nullable(),
      agencyId: z.string(),
      agencyName: z.string(),
      caseId: z.string(),
      contractNo: z.string().nullable(),
      hasRecording: z.boolean(),
      reasons: z.array(ZSampleReason),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZFiltersInput = z.strictObject({ agencyId: ZId.optional() });
const ZNamed = z.object({ id: z.string(), name: z.string() });
export const ZFilters = z.object({ agencies: z.array(ZNamed), agents: z.array(ZNamed) });

const ZBilingual = (max: number) =>
  z.strictObject({
    'zh-CN': z.string().trim().min(1, { error: 'v.required' }).max(max),
    en: z.string().trim().min(1, { error: 'v.required' }).max(max),
  });

export const ZInspectionCriterion = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-zA-Z0-9]{1,39}$/, { error: 'v.criterionKey' }),
  weight: z
    .number({ error: 'v.criterionWeight' })
    .int({ error: 'v.criterionWeight' })
    .min(0, { error: 'v.criterionWeight' })
    .max(100, { error: 'v.criterionWeight' }),
  fatal: z.boolean(),
  label: ZBilingual(60),
  guidance: ZBilingual(500),
});
export type TInspectionCriterion = z.infer<typeof ZInspectionCriterion>;

export const ZForm = z.object({
  version: z.number(),
  criteria: z.array(ZInspectionCriterion),
  createdAt: z.date(),
});
export type TForm = z.infer<typeof ZForm>;

export const ZFormVersionInput = z.strictObject({ version: z.number().int().min(1).optional() });
export const ZFormList = z.object({
  items: z.array(
    z.object({
      version: z.number(),
      createdAt: z.date(),
      createdByName: z.string().nullable(),
      criteriaCount: z.number(),
      fatalCount: z.number(),
      inspectionCount: z.number(),
      isCurrent: z.boolean(),
    }),
  ),
});

export const ZPublishFormInput = z.strictObject({
  basedOnVersion: z.number().int().min(1),
  criteria: z.array(ZInspectionCriterion).min(1, { error: 'v.criteriaRequired' }).max(30),
});

export const ZRecordIdInput = z.strictObject({ recordId: ZId });

const ZInspectionView = z.object({
  id: z.string(),
  side: z.enum(ORG_TYPES),
  formVersion: z.number(),
  inspectorName: z.string(),
  scores: z.array(z.object({ key: z.string(), passed: z.boolean(), note: z.string() })),
  scoreBp: z.number(),
  fatalFailed: z.array(z.string()),
  note: z.string(),
  sampleReason: z.string(),
  createdAt: z.date(),
  sanctionId: z.string().nullable(),
});
export type TInspectionView = z.infer<typeof ZInspectionView>;

const ZRuleHit = z.object({
  rule: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const ZInspectionDetail = z.object({
  call: z.object({
    id: z.string(),
    agencyId: z.string(),
    agencyName: z.string(),
    caseId: z.string(),
    contractNo: z.string(),
    direction: z.enum(CALL_DIRECTIONS),
    disposition: z.enum(CALL_DISPOSITIONS),
    lineNo: z.string(),
    partyMasked: z.string(),
    target: z.string().nullable(),
    startedAt: z.date(),
    answeredAt: z.date().nullable(),
    endedAt: z.date().nullable(),
    durationS: z.number(),
    agentId: z.string().nullable(),
    agentRef: z.string().nullable(),
    agentName: z.string().nullable(),
    transcript: z.string().nullable(),
  }),
  check: z.object({ ruleVersion: z.number(), violations: z.array(ZRuleHit), flags: z.array(ZRuleHit) }).nullable(),
  recordingFileId: z.string().nullable(),
  reasons: z.array(ZSampleReason),
  form: z.object({ version: z.number(), criteria: z.array(ZInspectionCriterion), isCurrent: z.boolean() }),
  side: z.enum(ORG_TYPES),
  mine: ZInspectionView.nullable(),
  others: z.array(ZInspectionView),
  complaint: z.object({ id: z.string(), reference: z.string() }).nullable(),
});
export type TInspectionDetail = z.infer<typeof ZInspectionDetail>;

/** A sanction proposed with the inspection: the sanction's own terms (its citation is the inspection). */
const ZSanctionFollowUp = z.strictObject({
  kind: z.literal('sanction'),
  sanctionKind: z.enum(SANCTION_KINDS, { error: 'v.sanctionKind' }),
  points: z
    .int({ error: 'v.sanctionPoints' })
    .min(1, { error: 'v.sanctionPoints' })
    .max(100, { error: 'v.sanctionPoints' })
    .nullable(),
  endsOn: ZDay.nullable(),
  reason: z.string().trim().min(5, { error: 'v.sanctionReason' }).max(2000),
});
const ZComplaintFollowUp = z.strictObject({
  kind: z.literal('complaint'),
  category: z.enum(COMPLAINT_CATEGORIES, { error: 'v.complaintCategory' }),
  description: z.string().trim().min(10, { error: 'v.complaintDescription' }).max(5000),
});

export const ZInspectInput = z.strictObject({
  recordId: ZId,
  formVersion: z.number().int().min(1),
  scores: z
    .array(z.strictObject({ key: z.string().max(40), passed: z.boolean(), note: z.string().trim().max(1000) }))
    .min(1)
    .max(30),
  note: z.string().trim().max(2000).default(''),
  followUp: z
    .discriminatedUnion('kind', [
      ZSanctionFollowUp.refine((v) => v.sanctionKind !== 'points' || v.points !== null, {
        path: ['points'],
        error: 'v.sanctionPoints',
      }),
      ZComplaintFollowUp,
    ])
    .nullish(),
});
export type TInspectInput = z.input<typeof ZInspectInput>;

export const ZInspectResult = z.object({
  id: z.string(),
  scoreBp: z.number(),
  fatalFailed: z.array(z.string()),
  sanctionId: z.string().nullable(),
  complaintId: z.string().nullable(),
});

export const ZListInput = z.object({
  agencyId: ZId.optional(),
  side: z.enum(['agency', 'platform']).optional(),
  isFatalOnly: z.boolean().optional(),
  agentId: ZId.optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export const ZInspectionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      recordId: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      agentName: z.string().nullable(),
      side: z.enum(ORG_TYPES),
      inspectorName: z.string(),
      scoreBp: z.number(),
      fatalFailed: z.array(z.string()),
      formVersion: z.number(),
      startedAt: z.date(),
      createdAt: z.date(),
      sanctionId: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const ZSummaryInput = z.strictObject({ agencyId: ZId.optional(), month: ZMonth });
export const ZSummary = z.object({
  by: z.enum(['collector', 'agency']),
  month: z.string(),
  rows: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string().nullable(),
      inspected: z.number(),
      averageScoreBp: z.number(),
      fatal: z.number(),
    }),
  ),
});
