import { z } from 'zod';
import { ZDay } from '../../../domain/shared/fields.schema';
import { APPEAL_OUTCOMES, ORG_STATUSES, SANCTION_KINDS, SANCTION_STATUSES } from '@/lib/enums';

// Sanctions (DESIGN §3, issue 7). Messages `v.<key>` name catalog entries (messages/*.json → validation).

const ZText = (min: number, max: number, key: string) =>
  z
    .string()
    .trim()
    .min(min, { error: `v.${key}` })
    .max(max);
export const ZSanctionKind = z.enum(SANCTION_KINDS, { error: 'v.sanctionKind' });
export const ZSanctionStatus = z.enum(SANCTION_STATUSES);
export const ZSanctionIdInput = z.strictObject({ sanctionId: z.uuid({ error: 'v.id' }) });

/** What is proposed: points are 1–100 and only for `points`; a suspension may name its last day. */
const sanctionTerms = {
  kind: ZSanctionKind,
  points: z
    .int({ error: 'v.sanctionPoints' })
    .min(1, { error: 'v.sanctionPoints' })
    .max(100, { error: 'v.sanctionPoints' })
    .nullable(),
  endsOn: ZDay.nullable(),
  reason: ZText(5, 2000, 'sanctionReason'),
};
const pointsNamed = (v: { kind: string; points: number | null }) => v.kind !== 'points' || v.points !== null;

/** Exactly one citation: an upheld complaint, an audit violation or a call inspection's fatal finding. */
export const ZProposeSanctionInput = z
  .strictObject({
    complaintId: z.uuid({ error: 'v.id' }).nullable(),
    auditItemId: z.uuid({ error: 'v.id' }).nullable(),
    inspectionId: z.uuid({ error: 'v.id' }).nullable().default(null),
    ...sanctionTerms,
  })
  .refine((v) => [v.complaintId, v.auditItemId, v.inspectionId].filter((c) => c !== null).length === 1, {
    path: ['complaintId'],
    error: 'v.sanctionCitation',
  })
  .refine(pointsNamed, { path: ['points'], error: 'v.sanctionPoints' });

/**
 * The proposal form: points and the last day as typed; only the chosen kind's own field
 * counts. Its answer is the proposal's terms, checked by the procedure's rules.
 */
export const ZProposeSanctionForm = z
  .object({ kind: ZSanctionKind, points: z.string(), endsOn: z.string(), reason: z.string() })
  .transform((v) => ({
    kind: v.kind,
    points: v.kind === 'points' && v.points.trim() !== '' ? Number(v.points) : null,
    endsOn: v.kind === 'suspension' && v.endsOn ? v.endsOn : null,
    reason: v.reason,
  }))
  .pipe(z.strictObject(sanctionTerms).refine(pointsNamed, { path: ['points'], error: 'v.sanctionPoints' }));
export type TProposeSanctionInput = z.input<typeof ZProposeSanctionInput>;

export const ZListSanctionsInput = z.object({
  status: ZSanctionStatus.optional(),
  kind: ZSanctionKind.optional(),
  agencyId: z.uuid({ error: 'v.id' }).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

const ZCommon = {
  id: z.string(),
  kind: ZSanctionKind,
  status: ZSanctionStatus,
  isInForce: z.boolean(),
  points: z.number().nullable(),
  endsOn: z.string().nullable(),
  agencyId: z.string(),
  agencyName: z.string(),
  agencyStatus: z.enum(ORG_STATUSES),
  reason: z.string(),
  complaintReference: z.string().nullable(),
  /** The call inspection it cites, when it cites one. */
  inspectionId: z.string().nullable(),
  proposedByName: z.string().nullable(),
  createdAt: z.date(),
  effectiveAt: z.date().nullable(),
  appealedAt: z.date().nullable(),
  appealOutcome: z.enum(APPEAL_OUTCOMES).nullable(),
};
export const ZSanctionList = z.object({ items: z.array(z.object(ZCommon)), nextCursor: z.string().nullable() });

const ZEffects = z.record(z.string(), z.number());
export const ZSanctionDetail = z.object({
  ...ZCommon,
  agencyCreditCode: z.string(),
  complaintId: z.string().nullable(),
  auditItemId: z.string().nullable(),
  /** The call the cited inspection is of (its inspect page is the call's). */
  inspectionRecordId: z.string().nullable(),
  isProposedByMe: z.boolean(),
  decidedAt: z.date().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  liftedAt: z.date().nullable(),
  liftedByName: z.string().nullable(),
  effects: ZEffects.nullable(),
  appealText: z.string().nullable(),
  appealedByName: z.string().nullable(),
  isAppealRecorded: z.boolean(),
  appealNote: z.string().nullable(),
  appealDecidedAt: z.date().nullable(),
  appealDecidedByName: z.string().nullable(),
});
export type TSanctionDetail = z.infer<typeof ZSanctionDetail>;

export const ZSanctionResult = z.object({
  id: z.string(),
  kind: ZSanctionKind,
  status: ZSanctionStatus,
  appealOutcome: z.enum(APPEAL_OUTCOMES).nullable(),
});
export const ZBanDecisionResult = ZSanctionResult.extend({ effects: ZEffects.nullable() });

export const ZApproveInput = ZSanctionIdInput.extend({ note: z.string().trim().max(2000).default('') });
export const ZRejectInput = ZSanctionIdInput.extend({ note: ZText(2, 2000, 'reasonRequired') });
export const ZLiftInput = ZSanctionIdInput.extend({ note: ZText(2, 2000, 'reasonRequired') });
export const ZAppealInput = ZSanctionIdInput.extend({ text: ZText(10, 5000, 'appealText') });
export const ZDecideAppealInput = ZSanctionIdInput.extend({
  outcome: z.enum(APPEAL_OUTCOMES, { error: 'v.invalidOption' }),
  note: ZText(2, 2000, 'reasonRequired'),
});

// The steps' forms on a sanction's page: each step's own fields, without the sanction they act on.
/** The second staff member's note: free when approving a ban, a reason when rejecting it. */
export const ZBanDecisionForm = z.discriminatedUnion('action', [
  ZApproveInput.pick({ note: true }).extend({ action: z.literal('approve') }),
  ZRejectInput.pick({ note: true }).extend({ action: z.literal('reject') }),
]);
export const ZLiftForm = ZLiftInput.pick({ note: true });
export const ZAppealForm = ZAppealInput.pick({ text: true });
export const ZDecideAppealForm = ZDecideAppealInput.omit({ sanctionId: true });

export const ZStanding = z.object({
  isSuspended: z.boolean(),
  suspensionId: z.string().nullable(),
  suspendedUntil: z.string().nullable(),
});

export const ZCommissionIdInput = z.strictObject({ commissionId: z.uuid({ error: 'v.id' }) });
export const ZSuspendedCommissions = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      packageId: z.string(),
      packageName: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      frozenAt: z.date().nullable(),
      isSuspended: z.boolean(),
      openCases: z.number(),
    }),
  ),
});
export const ZFreezeResult = z.object({ id: z.string(), frozenAt: z.date().nullable() });
