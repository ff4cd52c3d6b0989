import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { smsMessages, type SealedPhone } from '@/db/schema';
import { CODE_TTL_MS, type SmsKind } from '@/lib/debtor';
import type { ClaimedJob } from '../jobs/job-queue';
import { jobQueue } from '../jobs/queue';
import { decryptPii, encryptPii } from '../pii/crypto';
import { SMS_NOT_CONFIGURED, smsProvider } from './config';
import { SmsSendError, type SmsProvider } from './provider';
import { isValidSmsParams, smsText, type SmsParams } from './texts';

// The platform's SMS outbox (DESIGN §1, issue 20). A message is written in the transaction
// that decides to send it, with its delivery job, so it exists exactly when that change
// commits (a rolled-back code request sends nothing). The number and the values (a one-time
// code among them) are sealed at rest like every phone number of a case. The job worker
// then hands it to the provider with no transaction open: the provider's answer, or its
// silence for up to its timeout, holds no row and no connection.

/** The delivery job of one message; its payload names the message, never the number or the code. */
export const SMS_SEND_JOB = 'sms.send';
/** Tries of one message: now, after 30 s, after 2 min more (the job queue's backoff). */
export const SMS_SEND_ATTEMPTS = 3;

export type QueueSmsArgs<K extends SmsKind> = {
  kind: K;
  /** A number on file, sealed as the case keeps it (cases.phones[i]). */
  to: SealedPhone;
  params: SmsParams<K>;
  caseId: string | null;
};

/** Writes the message and its delivery job in the caller's transaction. */
export const queueSms = async <K extends SmsKind>(tx: Tx, args: QueueSmsArgs<K>): Promise<{ id: string }> => {
  const params = args.params as Readonly<Record<string, string>>;
  if (!isValidSmsParams(args.kind, params)) throw new Error(`sms ${args.kind}: values do not match the kind`);
  const [row] = await tx
    .insert(smsMessages)
    .values({
      kind: args.kind,
      toEnc: args.to.enc,
      toIdx: args.to.idx,
      toMasked: args.to.masked,
      paramsEnc: encryptPii(JSON.stringify(params)),
      caseId: args.caseId,
    })
    .returning({ id: smsMessages.id });
  if (!row) throw new Error('sms message not written');
  await jobQueue.enqueue(tx, {
    kind: SMS_SEND_JOB,
    key: row.id,
    payload: { messageId: row.id },
    maxAttempts: SMS_SEND_ATTEMPTS,
  });
  return { id: row.id };
};

/** A sealed message's values, as queueSms wrote them. */
export const openSmsParams = (paramsEnc: string): Record<string, string> => {
  const parsed: unknown = JSON.parse(decryptPii(paramsEnc));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('sms values are not an object');
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
};

export type SendSmsOptions = {
  now?: Date;
  /** The provider to use; the configured one (./config.ts) unless given. Null: none is configured. */
  provider?: SmsProvider | null;
  /** Whether a failure that could be retried is the last try (the job's attempts are spent). */
  isLastAttempt?: boolean;
};

export type SendSmsOutcome = 'sent' | 'failed' | 'retry' | 'skipped';

/**
 * Sends one queued message. A message already sent or failed is left alone (the job may
 * run twice). Throws the provider's error when it is worth retrying and tries are left,
 * so the job queue runs it again later; otherwise the message ends sent or failed.
 */
export const sendQueuedSms = async (
  db: Db,
  messageId: string,
  options: SendSmsOptions = {},
): Promise<SendSmsOutcome> => {
  const now = options.now ?? new Date();
  const provider = options.provider === undefined ? smsProvider() : options.provider;
  const queued = and(eq(smsMessages.id, messageId), eq(smsMessages.status, 'queued'));
  // The try is counted before the provider is called: a worker dying mid-call still leaves it counted.
  const [message] = await db
    .update(smsMessages)
    .set({ attempts: sql`${smsMessages.attempts} + 1` })
    .where(queued)
    .returning();
  if (!message) return 'skipped';

  const fail = async (error: string, providerName: string | null) => {
    await db.update(smsMessages).set({ status: 'failed', error, provider: providerName }).where(queued);
    return 'failed' as const;
  };
  if (!provider) return fail(SMS_NOT_CONFIGURED, null);
  // A code that lapsed before it could leave is of no use to the debtor: it is not sent late.
  if (message.kind === 'debtor.code' && now.getTime() - message.createdAt.getTime() > CODE_TTL_MS)
    return fail('sms.expired', provider.name);

  const params = openSmsParams(message.paramsEnc);
  let outcome: { ref: string } | SmsSendError;
  try {
    outcome = await provider.send({
      to: decryptPii(message.toEnc),
      kind: message.kind,
      params,
      text: smsText(message.kind, params),
    });
  } catch (e) {
    outcome =
      e instanceof SmsSendError ? e : new SmsSendError('sms.error', true, e instanceof Error ? e.message : String(e));
  }
  if (!(outcome instanceof SmsSendError)) {
    await db
      .update(smsMessages)
      .set({ status: 'sent', provider: provider.name, providerRef: outcome.ref, sentAt: new Date(), error: null })
      .where(queued);
    return 'sent';
  }
  if (!outcome.isRetryable || options.isLastAttempt !== false) return fail(outcome.code, provider.name);
  // Still queued: the error of this try is kept while the job waits for the next.
  await db.update(smsMessages).set({ error: outcome.code, provider: provider.name }).where(queued);
  throw outcome;
};

/** The job handler of SMS_SEND_JOB. */
export const runSmsSendJob = async (db: Db, job: ClaimedJob, now: Date): Promise<void> => {
  const messageId = job.payload.messageId;
  if (typeof messageId !== 'string') throw new Error('sms job without a message');
  await sendQueuedSms(db, messageId, { now, isLastAttempt: job.attempts >= job.maxAttempts });
};
