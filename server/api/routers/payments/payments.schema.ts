import { z } from 'zod';
import { PAYMENT_PROVIDERS } from '@/lib/payments';

// The creditor's payment settings (issue 20). Messages `v.<key>` name catalog entries (messages/*.json → validation).

const KEY_MAX = 8000;

export const ZPaymentSettingsInput = z
  .strictObject({
    accountName: z.string().trim().min(2, { error: 'v.accountName' }).max(100),
    bankName: z.string().trim().min(2, { error: 'v.bankName' }).max(100),
    // Digits, optionally grouped by spaces as printed on a card or a bank's letter.
    accountNo: z
      .string()
      .transform((v) => v.replace(/\s+/g, ''))
      .pipe(z.string().regex(/^\d{8,32}$/, { error: 'v.accountNo' })),
    // The form's "none" is an empty choice.
    provider: z
      .union([z.literal(''), z.enum(PAYMENT_PROVIDERS)])
      .nullable()
      .transform((v) => v || null),
    providerAppId: z.string().trim().max(64).default(''),
    providerPrivateKey: z.string().trim().max(KEY_MAX).default(''),
    providerPublicKey: z.string().trim().max(KEY_MAX).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.provider && !/^\d{10,32}$/.test(v.providerAppId))
      ctx.addIssue({ code: 'custom', path: ['providerAppId'], message: 'v.providerAppId' });
    if (v.provider && v.providerPublicKey === '')
      ctx.addIssue({ code: 'custom', path: ['providerPublicKey'], message: 'v.providerKey' });
  });

export const ZPaymentSettings = z.object({
  accountName: z.string(),
  bankName: z.string(),
  accountNo: z.string(),
  provider: z.enum(PAYMENT_PROVIDERS).nullable(),
  providerAppId: z.string(),
  hasPrivateKey: z.boolean(),
  providerPublicKey: z.string(),
  updatedAt: z.date().nullable(),
  notifyUrl: z.string().nullable(),
});
export type TPaymentSettings = z.infer<typeof ZPaymentSettings>;
