import { z } from 'zod';
import { SMS_KINDS, SMS_STATUSES } from '@/lib/debtor';
import { ZPageInput, pageOf } from '../shared.schema';

export const ZDevSmsListInput = ZPageInput.extend({
  /** The last 4 digits of the number the message went to. */
  last4: z
    .string()
    .regex(/^\d{4}$/, { error: 'v.last4' })
    .nullish(),
});
export type TDevSmsListInput = z.infer<typeof ZDevSmsListInput>;

/** One message of the outbox, whole: the development page shows what the phone would. */
export const ZDevSms = z.object({
  id: z.string(),
  createdAt: z.date(),
  kind: z.enum(SMS_KINDS),
  toMasked: z.string(),
  text: z.string(),
  status: z.enum(SMS_STATUSES),
  provider: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  sentAt: z.date().nullable(),
});
export const ZDevSmsListOutput = pageOf(ZDevSms);
export type TDevSms = z.infer<typeof ZDevSms>;
