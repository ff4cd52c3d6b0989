import { z } from 'zod';
import {
  BID_STATUSES,
  BIDDER_CIRCLES,
  CHANNELS,
  DEFAULT_INSTALMENT_GRACE_DAYS,
  MAX_INSTALMENT_GRACE_DAYS,
  ORG_STATUSES,
  PACKAGE_STATUSES,
  PROVINCES,
  TIERS,
} from '@/lib/enums';
import { BUCKETS } from '@/lib/cases';
import { BASIS_POINTS } from '@/lib/rates';
import { shanghaiInstant } from '@/lib/dates';
import { optionalYuanText, percentText, readInto } from '../../../domain/shared/form-fields.schema';
import { ZStagePolicy, ZStagePolicyForm } from '../../../domain/shared/fields.schema';

const ZBp = z.number().int().min(0).max(BASIS_POINTS);
const ZDate = z.iso.date();
const ZFen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ZPackageSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('import'), importId: z.uuid() }),
  z.object({
    kind: z.literal('filter'),
    buckets: z
      .array(z.union(BUCKETS.map((b) => z.literal(b))))
      .max(12)
      .optional(),
    provinces: z.array(z.enum(PROVINCES)).max(PROVINCES.length).optional(),
    products: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
    minOverdue: ZFen.optional(),
    maxOverdue: ZFen.optional(),
  }),
]);

export const ZCreatePackageInput = z.object({ name: z.string().trim().min(1).max(100), source: ZPackageSource });
const [ZImportSource, ZFilterSource] = ZPackageSource.options;
const sourceFormFields = {
  kind: z.enum(['import', 'filter']),
  importId: z.string(),
  buckets: ZFilterSource.shape.buckets.unwrap(),
  provinces: ZFilterSource.shape.provinces.unwrap(),
  minOverdue: optionalYuanText(ZFilterSource.shape.minOverdue.unwrap()),
  maxOverdue: optionalYuanText(ZFilterSource.shape.maxOverdue.unwrap()),
};
type SourceForm = z.output<z.ZodObject<typeof sourceFormFields>>;
const readSource = (f: SourceForm, ctx: z.RefinementCtx): z.output<typeof ZPackageSource> =>
  f.kind === 'import'
    ? readInto(ZImportSource, { kind: 'import', importId: f.importId }, ctx)
    : {
        kind: 'filter',
        ...(f.buckets.length ? { buckets: f.buckets } : {}),
        ...(f.provinces.length ? { provinces: f.provinces } : {}),
        ...(f.minOverdue === undefined ? {} : { minOverdue: f.minOverdue }),
        ...(f.maxOverdue === undefined ? {} : { maxOverdue: f.maxOverdue }),
      };
/** The new package form's source: one import, or a filter with its overdue bounds typed in yuan. */
export const ZPackageSourceForm = z.object(sourceFormFields).transform(readSource);
/** The new package form, read into ZCreatePackageInput. */
export const ZNewPackageForm = z
  .object({ name: ZCreatePackageInput.shape.name, ...sourceFormFields })
  .transform((f, ctx) => ({ name: f.name, source: readSource(f, ctx) }));
export const ZPreviewInput = z.object({ source: ZPackageSource });
export const ZPackageIdInput = z.object({ packageId: z.uuid() });

export const ZTerms = z.object({
  commissionStart: ZDate,
  commissionEnd: ZDate,
  reserveFeeBp: ZBp,
  expectedRecoveryBp: ZBp,
  minTier: z.enum(TIERS).nullable(),
  minScore: z.number().int().min(0).max(100).nullable().default(null),
  bidderCircle: z.enum(BIDDER_CIRCLES),
  invitedAgencyIds: z.array(z.uuid()).max(200),
  closesAt: z.date(),
  allowedChannels: z.array(z.enum(CHANNELS)).min(1),
  maxReductionBp: ZBp,
  maxInstalments: z.number().int().min(1).max(60),
  /** Stricter than the rulebook's stage policy; null (or absent): the rulebook's. */
  stagePolicy: ZStagePolicy.nullable().default(null),
  /** Days after its due date an instalment may still be paid before the plan breaks. */
  instalmentGraceDays: z.number().int().min(0).max(MAX_INSTALMENT_GRACE_DAYS).default(DEFAULT_INSTALMENT_GRACE_DAYS),
});
/**
 * The terms form: the close in Beijing wall-clock time (`YYYY-MM-DDTHH:mm`), percentages and
 * numbers as typed, no tier or score as empty; read into ZTerms.
 */
export const ZTermsForm = z
  .object({
    closesAt: z
      .string()
      .min(1)
      .transform((local) => shanghaiInstant(`${local}:00`))
      .pipe(ZTerms.shape.closesAt),
    commissionStart: z.string().min(1).pipe(ZTerms.shape.commissionStart),
    commissionEnd: z.string().min(1).pipe(ZTerms.shape.commissionEnd),
    reserveFeeBp: percentText(ZTerms.shape.reserveFeeBp),
    expectedRecoveryBp: percentText(ZTerms.shape.expectedRecoveryBp),
    maxReductionBp: percentText(ZTerms.shape.maxReductionBp),
    minTier: z.union([z.literal('').transform(() => null), ZTerms.shape.minTier]),
    minScore: z
      .string()
      .trim()
      .transform((typed, ctx) => {
        if (typed === '') return null;
        if (/^\d{1,3}$/.test(typed) && Number(typed) <= 100) return Number(typed);
        ctx.addIssue({ code: 'custom', message: 'v.score' });
        return z.NEVER;
      })
      .pipe(ZTerms.shape.minScore.unwrap()),
    bidderCircle: ZTerms.shape.bidderCircle,
    invitedAgencyIds: ZTerms.shape.invitedAgencyIds,
    allowedChannels: z
      .array(z.enum(CHANNELS))
      .min(1, { error: 'v.channelRequired' })
      .pipe(ZTerms.shape.allowedChannels),
    maxInstalments: z.string().trim().min(1).transform(Number).pipe(ZTerms.shape.maxInstalments),
    /** Whether the package sets a stage policy of its own, and the policy as typed. */
    hasStagePolicy: z.boolean(),
    stagePolicy: ZStagePolicyForm,
    instalmentGraceDays: z.string().trim().min(1).transform(Number).pipe(ZTerms.shape.instalmentGraceDays.unwrap()),
  })
  .transform(({ hasStagePolicy, stagePolicy, ...f }) => ({ ...f, stagePolicy: hasStagePolicy ? stagePolicy : null }))
  .transform((f) => ({ ...f, invitedAgencyIds: f.bidderCircle === 'invited' ? f.invitedAgencyIds : [] }));
export const ZSaveTermsInput = z.object({ packageId: z.uuid(), terms: ZTerms });
export const ZCancelInput = z.object({ packageId: z.uuid(), reason: z.string().trim().min(2).max(500) });
export const ZListPackagesInput = z.object({
  status: z.enum(PACKAGE_STATUSES).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

const ZShare = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('provinces'), provinces: z.array(z.enum(PROVINCES)).min(1) }),
  z.object({ kind: z.literal('buckets'), buckets: z.array(z.number().int().min(0).max(12)).min(1) }),
  z.object({ kind: z.literal('count'), count: z.number().int().min(1) }),
]);
export const ZAwardInput = z.object({
  packageId: z.uuid(),
  shares: z
    .array(z.object({ bidId: z.uuid(), share: ZShare }))
    .min(1)
    .max(20),
});
const ZOwner = z.object({ key: z.string(), bidId: z.string() });
/**
 * The award form: the mode, the winner of the whole, a count typed per bid, and the bid (or
 * none) chosen for each province and each bucket; read into ZAwardInput's shares.
 */
export const ZAwardForm = z
  .object({
    mode: z.enum(['all', 'count', 'provinces', 'buckets']),
    winner: z.string(),
    counts: z.array(
      z.object({
        bidId: z.string(),
        count: z
          .string()
          .trim()
          .transform((typed, ctx) => {
            if (typed === '' || /^\d+$/.test(typed)) return typed === '' ? null : Number(typed);
            ctx.addIssue({ code: 'custom', message: 'v.count' });
            return z.NEVER;
          }),
      }),
    ),
    provinces: z.array(ZOwner),
    buckets: z.array(ZOwner),
  })
  .transform((f, ctx) => {
    const grouped = new Map<string, string[]>();
    if (f.mode === 'provinces' || f.mode === 'buckets')
      for (const { key, bidId } of f[f.mode]) if (bidId) grouped.set(bidId, [...(grouped.get(bidId) ?? []), key]);
    const shares =
      f.mode === 'all'
        ? [{ bidId: f.winner, share: { kind: 'all' } }]
        : f.mode === 'count'
          ? f.counts.flatMap(({ bidId, count }) => (count ? [{ bidId, share: { kind: 'count', count } }] : []))
          : [...grouped].map(([bidId, keys]) => ({
              bidId,
              share:
                f.mode === 'provinces'
                  ? { kind: 'provinces', provinces: keys }
                  : { kind: 'buckets', buckets: keys.map(Number) },
            }));
    if (shares.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'v.pickOne', path: [] });
      return z.NEVER;
    }
    return readInto(ZAwardInput.shape.shares, shares, ctx);
  });
export const ZOfferInput = z.object({ packageId: z.uuid(), agencyId: z.uuid(), feeBp: ZBp });

/** The direct offer form: the agency and the fee as a percentage; the package is added on sending. */
export const ZOfferForm = z.object({
  agencyId: ZOfferInput.shape.agencyId,
  feeBp: percentText(ZOfferInput.shape.feeBp),
});
/** The form to cancel a package: the reason only. */
export const ZCancelForm = ZCancelInput.omit({ packageId: true });

const ZGroup = z.record(z.string(), z.object({ count: z.number().int(), amount: z.number().int() }));
export const ZFigures = z.object({
  /** The Beijing day the ages were counted on. */
  asOf: z.string().optional(),
  caseCount: z.number().int(),
  totalOverdue: z.number().int(),
  totalPrincipal: z.number().int(),
  avgDaysOverdue: z.number().int(),
  byBucket: ZGroup,
  byProvince: ZGroup,
});

export const ZCreditorPackage = z.object({
  id: z.string(),
  creditorId: z.string(),
  name: z.string(),
  status: z.enum(PACKAGE_STATUSES),
  source: z.record(z.string(), z.unknown()),
  importId: z.string().nullable(),
  figures: ZFigures,
  commissionStart: z.string().nullable(),
  commissionEnd: z.string().nullable(),
  reserveFeeBp: z.number().int().nullable(),
  expectedRecoveryBp: z.number().int().nullable(),
  minTier: z.enum(TIERS).nullable(),
  minScore: z.number().int().nullable(),
  bidderCircle: z.enum(BIDDER_CIRCLES),
  invitedAgencyIds: z.array(z.string()),
  closesAt: z.date().nullable(),
  allowedChannels: z.array(z.string()),
  maxReductionBp: z.number().int(),
  maxInstalments: z.number().int(),
  stagePolicy: ZStagePolicy.nullable(),
  instalmentGraceDays: z.number().int(),
  offeredAgencyId: z.string().nullable(),
  offerFeeBp: z.number().int().nullable(),
  offerExpiresAt: z.date().nullable(),
  openedAt: z.date().nullable(),
  awardedAt: z.date().nullable(),
  createdAt: z.date(),
});
export type TCreditorPackage = z.infer<typeof ZCreditorPackage>;
export const ZPackageList = z.object({ items: z.array(ZCreditorPackage), nextCursor: z.string().nullable() });

export const ZBid = z.object({
  id: z.string(),
  packageId: z.string(),
  status: z.enum(BID_STATUSES),
  feeBp: z.number().int(),
  expectedRecoveryBp: z.number().int(),
  plan: z.string(),
  teamSize: z.number().int(),
  provinces: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const ZPackageBid = ZBid.extend({
  agencyId: z.string(),
  agencyName: z.string(),
  agencyTier: z.enum(TIERS).nullable(),
  agencyStatus: z.enum(ORG_STATUSES),
  admissionScore: z.number().int().nullable(),
  /** The agency's current scorecard score (basis points of 100) and its month, if it has a card. */
  scoreBp: z.number().int().nullable(),
  scoreMonth: z.string().nullable(),
});
export type TPackageBid = z.infer<typeof ZPackageBid>;
export const ZPackageBids = z.array(ZPackageBid);
export const ZAgencies = z.array(z.object({ id: z.string(), name: z.string(), tier: z.enum(TIERS).nullable() }));
export const ZAwardResult = z.object({
  packageId: z.string(),
  commissions: z.array(z.object({ agencyId: z.string(), bidId: z.string(), caseCount: z.number().int() })),
  released: z.number().int(),
});
