import { z } from 'zod';
import { DAY_PATTERN, startOfShanghaiDay } from '@/lib/dates';
import { CHANNELS, LICENCE_TYPES, PROVINCES } from '@/lib/enums';
import { parseAmountToFen, parsePercentToBp } from '@/lib/format';
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

// The application's forms: each field as typed, checked by the section's own field schema
// (blank is "not filled yet" in a draft), then turned into the section's draft.

/** Typed text: blank is not filled yet. */
const typedText = <T extends z.ZodType<unknown, string>>(field: T) =>
  z
    .string()
    .transform((s) => s.trim() || undefined)
    .pipe(field.optional());
/** A typed number read by `read` (null: not a number, reported by the field's own schema); blank is undefined. */
const typedNumber = (read: (s: string) => number | null) =>
  z.string().transform((s) => (s.trim() === '' ? undefined : (read(s.trim()) ?? Number.NaN)));
const readCount = (s: string) => (/^\d{1,12}$/.test(s) ? Number(s) : null);

export const ZBasicsForm = z
  .object({
    legalRepName: typedText(ZBasics.shape.legalRepName),
    legalRepIdNumber: typedText(ZBasics.shape.legalRepIdNumber),
    /** In 万元 (ten thousand yuan), up to 6 decimals. */
    registeredCapital: typedNumber((s) => parseAmountToFen(s, 1_000_000)).pipe(
      ZBasics.shape.registeredCapitalFen.optional(),
    ),
    foundedOn: typedText(ZBasics.shape.foundedOn),
    address: typedText(ZBasics.shape.address),
    serviceProvinces: ZBasics.shape.serviceProvinces,
    staffCount: typedNumber(readCount).pipe(ZBasics.shape.staffCount.optional()),
    seatCount: typedNumber(readCount).pipe(ZBasics.shape.seatCount.optional()),
    channels: ZBasics.shape.channels,
  })
  .transform(({ registeredCapital, ...v }) => ({
    section: 'basics' as const,
    data: { ...v, registeredCapitalFen: registeredCapital },
  }));

export const ZSystemsForm = z
  .object({
    hasCallRecording: ZSystems.shape.hasCallRecording,
    hasFieldEvidenceCapture: ZSystems.shape.hasFieldEvidenceCapture,
    hasIso27001: ZSystems.shape.hasIso27001,
    mlpsLevel: z.string().transform(Number).pipe(ZSystems.shape.mlpsLevel),
    otherCertifications: ZSystems.shape.otherCertifications,
  })
  .transform((data) => ({ section: 'systems' as const, data }));

/** One engagement as typed: the amount in yuan, the recovery rate in percent. */
export const ZReferenceRow = z
  .object({
    client: ZReference.shape.client,
    periodFrom: ZReference.shape.periodFrom,
    periodTo: ZReference.shape.periodTo,
    caseCount: typedNumber(readCount).pipe(ZReference.shape.caseCount),
    amount: typedNumber((s) => parseAmountToFen(s)).pipe(ZReference.shape.amountFen),
    rate: typedNumber(parsePercentToBp).pipe(ZReference.shape.recoveryRateBp),
  })
  .refine((r) => r.periodFrom <= r.periodTo, { error: 'v.rangeOrder', path: ['periodTo'] })
  .transform(({ amount, rate, ...r }) => ({ ...r, amountFen: amount, recoveryRateBp: rate }));

export const ZTrackRecordForm = z
  .object({ references: z.array(ZReferenceRow).max(5, { error: 'v.referencesMax' }) })
  .transform((data) => ({ section: 'trackRecord' as const, data }));

export const ZComplianceForm = z
  .object({
    litigationCount: typedNumber(readCount).pipe(ZCompliance.shape.litigationCount.optional()),
    litigationNote: ZCompliance.shape.litigationNote,
    pastSanctions: ZCompliance.shape.pastSanctions,
    complaintCount: typedNumber(readCount).pipe(ZCompliance.shape.complaintCount.optional()),
    declaresNoAbuse: z.boolean(),
    signedBy: typedText(ZCompliance.shape.signedBy),
  })
  .transform((data) => ({ section: 'compliance' as const, data }));

export const ZLicenceForm = z
  .object({
    licenceType: ZLicence.shape.licenceType,
    licenceNumber: typedText(ZLicence.shape.licenceNumber),
    regulator: typedText(ZLicence.shape.regulator),
    declaresNoFraud: z.boolean(),
    signedBy: typedText(ZLicence.shape.signedBy),
  })
  .transform((data) => ({ section: 'licence' as const, data }));
