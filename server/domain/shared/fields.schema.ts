import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '@/db/validators/credit-code';
import { PROVINCES } from '@/lib/enums';
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
