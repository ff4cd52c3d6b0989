import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '@/db/validators/credit-code';
import { PROVINCES } from '@/lib/enums';
import { MAX_STAGE_DAY, type StagePolicy } from '@/lib/stage-policy';
import { provinceCode } from '../cases/regions';

// Field schemas shared by procedures, domain rules and forms. Messages `v.<key>` name
// catalog entries (messages/*.json → validation).

export const ZId = z.uuid({ error: 'v.id' });

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(254)
  .pipe(z.email({ error: 'v.email' }));

/**
 * A province as a person or a system writes it: a name (广东, 广东省) or its GB/T 2260 code
 * (44, or a county code starting 44), kept as the two-digit code; anything else is refused
 * with the values allowed.
 */
export const ZProvince = z
  .string()
  .trim()
  .transform((v) => provinceCode(v) ?? v)
  .pipe(z.enum(PROVINCES, { error: 'v.province' }));

/** A calendar day `YYYY-MM-DD` that exists (no 13th month, no 30 February). */
export const ZDay = z.iso.date({ error: 'v.date' });

export const ZPersonName = z.string().trim().min(1).max(50);

// Mainland mobile numbers: 11 digits starting 13–19.
export const ZMobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: 'v.mobile' });

export const ZPassword = z.string().min(12, { error: 'v.passwordTooShort' }).max(128);

export const ZCreditCode = z
  .string()
  .transform(normalizeCreditCode)
  .refine(isValidCreditCode, { error: 'v.creditCode' });

/** The first day overdue a channel may reach a person (1 … ten years); null: never. */
export const ZStageDay = z.number().int().min(1).max(MAX_STAGE_DAY).nullable();
const ZStageDays = z.object({ debtor: ZStageDay, contact: ZStageDay });
/** A stage policy: for each channel, from which day overdue it may reach the debtor and a contact. */
export const ZStagePolicy = z.object({
  sms: ZStageDays,
  email: ZStageDays,
  call: ZStageDays,
  letter: ZStageDays,
  visit: ZStageDays,
  lawyer_letter: ZStageDays,
}) satisfies z.ZodType<StagePolicy>;
/** A stage day typed in a form: blank is never. */
const typedStageDay = z
  .string()
  .trim()
  .transform((s) => (s === '' ? null : Number(s)))
  .pipe(ZStageDay);
const typedStageDays = z.object({ debtor: typedStageDay, contact: typedStageDay });
/** The stage policy as a form types it: one text box per channel and person. */
export const ZStagePolicyForm = z.object({
  sms: typedStageDays,
  email: typedStageDays,
  call: typedStageDays,
  letter: typedStageDays,
  visit: typedStageDays,
  lawyer_letter: typedStageDays,
});
/** A policy as the form shows it: each day as text, never as blank. */
export const stagePolicyFormValues = (p: StagePolicy) =>
  Object.fromEntries(
    Object.entries(p).map(([ch, d]) => [ch, { debtor: String(d.debtor ?? ''), contact: String(d.contact ?? '') }]),
  ) as Record<keyof StagePolicy, { debtor: string; contact: string }>;
