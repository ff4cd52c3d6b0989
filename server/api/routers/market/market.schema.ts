import { z } from 'zod';
import { BIDDER_CIRCLES, PACKAGE_STATUSES, PROVINCES, TIERS } from '@/lib/enums';
import { BASIS_POINTS } from '@/lib/rates';
import { ZProvince, ZStagePolicy } from '../../../domain/shared/fields.schema';
import { percentText } from '../../../domain/shared/form-fields.schema';
import { ZBid, ZFigures } from '../packages/packages.schema';

export const ZListMarketInput = z.object({
  sort: z.enum(['closing', 'newest']).default('closing'),
  province: z.enum(PROVINCES).optional(),
  bucket: z.number().int().min(1).max(12).optional(),
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const ZBidInput = z.object({
  feeBp: z.number().int().min(1).max(BASIS_POINTS),
  expectedRecoveryBp: z.number().int().min(1).max(BASIS_POINTS),
  plan: z.string().trim().min(10).max(5000),
  teamSize: z.number().int().min(1).max(10_000),
  provinces: z
    .array(ZProvince)
    .min(1)
    .max(PROVINCES.length)
    .transform((list) => [...new Set(list)]),
});
/** The bid form: the fee and the expected recovery as percentages, the team as typed; read into ZBidInput. */
export const ZBidForm = z.object({
  feeBp: percentText(z.number().min(1, { error: 'v.percent' }).pipe(ZBidInput.shape.feeBp)),
  expectedRecoveryBp: percentText(z.number().min(1, { error: 'v.percent' }).pipe(ZBidInput.shape.expectedRecoveryBp)),
  plan: ZBidInput.shape.plan,
  teamSize: z.string().trim().min(1).transform(Number).pipe(ZBidInput.shape.teamSize),
  provinces: z.array(z.string()).min(1, { error: 'v.pickOne' }).pipe(ZBidInput.shape.provinces),
});
export const ZSubmitBidInput = ZBidInput.extend({ packageId: z.uuid() });
export const ZUpdateBidInput = ZBidInput.extend({ bidId: z.uuid() });
export const ZBidIdInput = z.object({ bidId: z.uuid() });
export const ZAnswerOfferInput = z.object({ packageId: z.uuid(), accept: z.boolean() });
export const ZMarketPackageInput = z.object({ packageId: z.uuid() });
export const ZMyBidsInput = z.object({
  cursor: z.string().nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

export const ZMarketPackage = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(PACKAGE_STATUSES),
  figures: ZFigures,
  commissionStart: z.string().nullable(),
  commissionEnd: z.string().nullable(),
  expectedRecoveryBp: z.number().int().nullable(),
  minTier: z.enum(TIERS).nullable(),
  bidderCircle: z.enum(BIDDER_CIRCLES),
  closesAt: z.date().nullable(),
  allowedChannels: z.array(z.string()),
  maxReductionBp: z.number().int(),
  maxInstalments: z.number().int(),
  stagePolicy: ZStagePolicy.nullable(),
  openedAt: z.date().nullable(),
  creditorName: z.string(),
  /** The creditor's current scorecard score (basis points of 100) and the month of that card; none before its first. */
  creditorScore: z.object({ scoreBp: z.number().int(), month: z.string() }).nullable(),
});
export const ZMarketList = z.object({ items: z.array(ZMarketPackage), nextCursor: z.string().nullable() });

export const ZMarketPackageDetail = ZMarketPackage.extend({
  sample: z.array(
    z.object({
      bucket: z.number().int(),
      daysOverdue: z.number().int(),
      amountOverdue: z.number().int(),
      principalOutstanding: z.number().int(),
      loanAmount: z.number().int(),
      province: z.string().nullable(),
      city: z.string().nullable(),
      product: z.string().nullable(),
      loanDate: z.string().nullable(),
    }),
  ),
  myBid: ZBid.nullable(),
  offer: z.object({ feeBp: z.number().int(), expiresAt: z.date().nullable() }).nullable(),
});
export type TMarketPackageDetail = z.infer<typeof ZMarketPackageDetail>;

export const ZBidResult = z.object({ bid: ZBid, closesAt: z.date().nullable().optional() });
export const ZMyBids = z.object({
  items: z.array(
    ZBid.extend({ packageName: z.string(), packageStatus: z.enum(PACKAGE_STATUSES), closesAt: z.date().nullable() }),
  ),
  nextCursor: z.string().nullable(),
});
export const ZAnswerResult = z.object({ accepted: z.boolean(), caseCount: z.number().int() });
