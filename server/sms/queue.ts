import type { Tx } from '@/db/client';
import type { SmsKind } from '@/lib/debtor';
import { smsMessages } from '@/db/schema';
import { encryptPii } from '../pii/crypto';
import { jobQueue } from '../jobs/queue';

/** The job that hands a queued message to the SMS provider. */
export const SMS_SEND_JOB = 'sms.send';

/** A number as a case stores it: sealed, its blind index and its mask. */
export type SealedNumber = { enc: string; idx: string; masked: string };

/**
 * Queues a text message in the transaction that decides to send it: the outbox row (number
 * and values sealed) and the job that delivers it commit or roll back together.
 */
export const queueSms = async (
  tx: Tx,
  m: { kind: SmsKind; to: SealedNumber; params: Record<string, string>; caseId: string | null },
): Promise<{ id: string }> => {
  const [row] = await tx
    .insert(smsMessages)
    .values({
      kind: m.kind,
      toEnc: m.to.enc,
      toIdx: m.to.idx,
      toMasked: m.to.masked,
      paramsEnc: encryptPii(JSON.stringify(m.params)),
      caseId: m.caseId,
    })
    .returning({ id: smsMessages.id });
  if (!row) throw new Error('sms not queued');
  await jobQueue.enqueue(tx, { kind: SMS_SEND_JOB, key: row.id, payload: { messageId: row.id } });
  return row;
};
