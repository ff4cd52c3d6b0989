import { z } from 'zod';
import { APPLICATION_STATUSES, CRITERION_GROUPS, ORG_STATUSES, TIERS } from '@/lib/enums';
import { ZCriterionInput, ZPublishTemplate } from '../../../domain/admission/templates.schema';
import { ZDocumentView } from '../admission/admission.schema';
import { ZId, ZPageInput, pageOf } from '../shared.schema';

export { ZCriterionInput, type TPublishTemplate } from '../../../domain/admission/templates.schema';

// The review queue and an application under review
export const ZQueueInput = ZPageInput;
export const ZQueueItem = z.object({
  id: z.string(),
  kind: z.enum(['creditor', 'agency', 'platform']),
  status: z.enum(APPLICATION_STATUSES),
  isRenewal: z.boolean(),
  submittedAt: z.date().nullable(),
  submission: z.number(),
  orgName: z.string(),
  creditCode: z.string(),
  reviewStatus: z.enum(['scoring', 'awaiting_approval', 'final']).nullable(),
  reviewerName: z.string().nullable(),
  ageBusinessDays: z.number(),
  isOverdue: z.boolean(),
});
export const ZQueueOutput = pageOf(ZQueueItem);

export const ZApplicationRef = z.object({ applicationId: ZId });

const ZLocalized = z.object({ 'zh-CN': z.string(), en: z.string() });
export const ZCriterion = z.object({
  key: z.string(),
  weight: z.number(),
  group: z.enum(CRITERION_GROUPS),
  label: ZLocalized,
  guidance: ZLocalized,
});
const ZOutcome = z.object({ decision: z.enum(['admit', 'reject']), tier: z.enum(TIERS).nullable() });
export const ZScore = z.object({
  key: z.string().min(1).max(50),
  score: z.int({ error: 'v.count' }).min(0, { error: 'v.count' }).max(100, { error: 'v.count' }),
  note: z.string().trim().max(500),
});

export const ZReviewView = z.object({
  id: z.string(),
  kind: z.enum(['creditor', 'agency', 'platform']),
  status: z.enum(APPLICATION_STATUSES),
  isRenewal: z.boolean(),
  submission: z.number(),
  submittedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  tier: z.enum(TIERS).nullable(),
  score: z.number().nullable(),
  decisionReason: z.string().nullable(),
  infoRequest: z.string().nullable(),
  sections: z.record(z.string(), z.unknown()),
  legalRepIdMasked: z.string().nullable(),
  documents: z.array(ZDocumentView),
  org: z.object({
    id: z.string(),
    name: z.string(),
    creditCode: z.string(),
    status: z.enum(ORG_STATUSES),
    type: z.enum(['creditor', 'agency', 'platform']),
  }),
  template: z.object({ id: z.string(), version: z.number(), criteria: z.array(ZCriterion) }).nullable(),
  review: z
    .object({
      id: z.string(),
      reviewerId: z.string(),
      status: z.enum(['scoring', 'awaiting_approval', 'final']),
      scores: z.array(z.object({ key: z.string(), score: z.number(), note: z.string() })),
      total: z.number().nullable(),
      hasFraudOrAbuse: z.boolean(),
      decision: z.enum(['admit', 'reject']).nullable(),
      reason: z.string().nullable(),
      computed: ZOutcome.nullable(),
    })
    .nullable(),
});
export type TReviewView = z.infer<typeof ZReviewView>;

export const ZSaveScoresInput = z.strictObject({
  applicationId: ZId,
  scores: z.array(ZScore).max(50),
  hasFraudOrAbuse: z.boolean(),
});

/**
 * The scoring form of one template: per criterion a score typed as text (blank: not scored
 * yet; else a whole number from 0 to the criterion's weight) and a note; the answer is the
 * procedure's scores.
 */
export const scoringFormOf = (criteria: readonly { key: string; weight: number }[]) =>
  z
    .object({
      scores: z.object(
        Object.fromEntries(
          criteria.map((c) => [
            c.key,
            z.object({
              score: z
                .string()
                .trim()
                .transform((s) => (s === '' ? null : Number(s)))
                .pipe(ZScore.shape.score.max(c.weight).nullable()),
              note: ZScore.shape.note,
            }),
          ]),
        ),
      ),
      hasFraudOrAbuse: ZSaveScoresInput.shape.hasFraudOrAbuse,
    })
    .transform((v) => ({
      scores: criteria.flatMap((c) => {
        const s = v.scores[c.key];
        return s && s.score !== null ? [{ key: c.key, score: s.score, note: s.note }] : [];
      }),
      hasFraudOrAbuse: v.hasFraudOrAbuse,
    }));

export const ZRequestInfoInput = z.strictObject({
  applicationId: ZId,
  message: z.string().trim().min(5, { error: 'v.messageRequired' }).max(1000),
});

export const ZDecideInput = z.strictObject({
  applicationId: ZId,
  decision: z.enum(['admit', 'reject'], { error: 'v.decision' }),
  reason: z.string().trim().min(2, { error: 'v.reasonRequired' }).max(1000),
});

export const ZApproveInput = z.strictObject({
  applicationId: ZId,
  isApproved: z.boolean(),
  note: z.string().trim().max(1000).default(''),
});

// The reviewer's forms: the procedures' fields without the application they are about.
export const ZRequestInfoForm = ZRequestInfoInput.omit({ applicationId: true });
export const ZDecideForm = ZDecideInput.omit({ applicationId: true });
export const ZApproveForm = ZApproveInput.pick({ note: true });

// Scoring templates
export const ZTemplateKind = z.object({ kind: z.enum(['creditor', 'agency']) });
export const ZTemplateRef = z.object({ templateId: z.uuid() });
/** The version the edit started from, so a concurrent publication is not silently overwritten. */
export const ZPublishTemplateInput = ZPublishTemplate.extend({ basedOnVersion: z.number().int().min(1).nullable() });

export const ZTemplateSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
  criteriaCount: z.number().int(),
  applicationCount: z.number().int(),
  isActive: z.boolean(),
});
export const ZTemplateSummaries = z.array(ZTemplateSummary);

export const ZTemplateView = z.object({
  id: z.string(),
  kind: z.enum(['creditor', 'agency', 'platform']),
  version: z.number().int(),
  criteria: z.array(ZCriterionInput),
  createdAt: z.date(),
  isActive: z.boolean(),
});
export type TTemplateView = z.infer<typeof ZTemplateView>;
