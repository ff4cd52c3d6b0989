import { z } from 'zod';
import { DAY_PATTERN, startOfShanghaiDay } from '@/lib/dates';
import { CHANNELS, LICENCE_TYPES, PROVINCES } from '@/lib/enums';
import { MONTH_PATTERN } from '@/lib/months';
import { isValidIdNumber, normalizeIdNumber } from '@/db/validators/id-number';
import { ZPersonName } from '../shared/fields.schema';

// The sections of an admission application (issue: company basics, systems and
// security, track record, compliance record; creditors: licence). Each has a complete
// form, checked at submission, and a draft form (every field optional) saved between steps.

const MAX_FEN = 1_000_000_000_000_000; // ¥10 trillion: above any registered capital or portfolio
const ZFen = z.int({ error: 'v.amount' }).min(0, { error: 'v.amount' }).max(MAX_FEN, { error: 'v.amount' });
const ZCount = (max: number) => z.int({ error: 'v.count' }).min(0, { error: 'v.count' }).max(max, { error: 'v.count' });
const ZDay = z
  .string()
  .regex(DAY_PATTERN, { error: 'v.date' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    { error: 'v.date' },
  )
  .refine((s) => startOfShanghaiDay(s).getTime() <= Date.now(), { error: 'v.dateInFuture' });
const ZMonth = z.string().regex(MONTH_PATTERN, { error: 'v.month' });
const ZText = (max: number) => z.string().trim().max(max);
const ZRequiredText = (max: number) => z.string().trim().min(1).max(max);

export const ZIdNumber = z.string().transform(normalizeIdNumber).refine(isValidIdNumber, { error: 'v.idNumber' });

export const ZBasics = z.object({
  legalRepName: ZPersonName,
  legalRepIdNumber: ZIdNumber,
  registeredCapitalFen: ZFen,
  foundedOn: ZDay,
  address: ZRequiredText(200),
  serviceProvinces: z
    .array(z.enum(PROVINCES, { error: 'v.province' }))
    .min(1, { error: 'v.pickOne' })
    .max(PROVINCES.length),
  staffCount: ZCount(1_000_000).min(1, { error: 'v.count' }),
  seatCount: ZCount(1_000_000),
  channels: z
    .array(z.enum(CHANNELS, { error: 'v.channel' }))
    .min(1, { error: 'v.pickOne' })
    .max(CHANNELS.length),
});

export const ZSystems = z.object({
  hasCallRecording: z.boolean(),
  hasFieldEvidenceCapture: z.boolean(),
  // 网络安全等级保护 (MLPS) level 0–4; 0 means not certified.
  mlpsLevel: z.int().min(0, { error: 'v.mlps' }).max(4, { error: 'v.mlps' }),
  hasIso27001: z.boolean(),
  otherCertifications: ZText(200),
});

export const ZReference = z
  .object({
    client: ZRequiredText(100),
    periodFrom: ZMonth,
    periodTo: ZMonth,
    caseCount: ZCount(100_000_000),
    amountFen: ZFen,
    // Basis points: 1234 = 12.34 %.
    recoveryRateBp: z.int({ error: 'v.rate' }).min(0, { error: 'v.rate' }).max(10_000, { error: 'v.rate' }),
  })
  .refine((r) => r.periodFrom <= r.periodTo, { error: 'v.rangeOrder', path: ['periodTo'] });

export const ZTrackRecord = z.object({
  references: z.array(ZReference).min(1, { error: 'v.referenceRequired' }).max(5, { error: 'v.referencesMax' }),
});

export const ZCompliance = z.object({
  litigationCount: ZCount(100_000),
  litigationNote: ZText(500),
  pastSanctions: ZText(500),
  complaintCount: ZCount(1_000_000),
  // The signed declaration of no violent or abusive collection (NIFA 2018 convention).
  declaresNoAbuse: z.literal(true, { error: 'v.declarationRequired' }),
  signedBy: ZPersonName,
});

export const ZLicence = z.object({
  licenceType: z.enum(LICENCE_TYPES, { error: 'v.licenceType' }),
  licenceNumber: ZRequiredText(50),
  regulator: ZRequiredText(100),
  declaresNoFraud: z.literal(true, { error: 'v.declarationRequired' }),
  signedBy: ZPersonName,
});

export const SECTIONS_BY_KIND = {
  agency: ['basics', 'systems', 'trackRecord', 'compliance'],
  creditor: ['licence'],
} as const;
export type SectionName = (typeof SECTIONS_BY_KIND)[keyof typeof SECTIONS_BY_KIND][number];

export const COMPLETE_SECTIONS = {
  basics: ZBasics,
  systems: ZSystems,
  trackRecord: ZTrackRecord,
  compliance: ZCompliance,
  licence: ZLicence,
} as const;

// Drafts: every field may be missing; what is present must still be well-formed.
export const ZSectionDraft = z.discriminatedUnion('section', [
  z.strictObject({ section: z.literal('basics'), data: ZBasics.partial() }),
  z.strictObject({ section: z.literal('systems'), data: ZSystems.partial() }),
  z.strictObject({
    section: z.literal('trackRecord'),
    data: z.object({ references: z.array(ZReference).max(5, { error: 'v.referencesMax' }) }).partial(),
  }),
  z.strictObject({
    section: z.literal('compliance'),
    data: ZCompliance.extend({ declaresNoAbuse: z.boolean() }).partial(),
  }),
  z.strictObject({ section: z.literal('licence'), data: ZLicence.extend({ declaresNoFraud: z.boolean() }).partial() }),
]);
export type TSectionDraft = z.input<typeof ZSectionDraft>;
