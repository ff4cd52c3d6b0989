import { randomUUID } from 'node:crypto';
import type { SmsKind } from '@/lib/debtor';

// How a message leaves the platform. The job worker hands each queued message to the
// provider in use (./config.ts) with no transaction open; the provider either takes it
// (its reference is kept) or refuses with an SmsSendError that says whether trying again
// later can help (throttled, the network, the provider's own fault) or cannot (a number
// or template the provider rejects), so a retry never repeats a message that can only fail.

/** One message as a provider sends it: the plain number, the kind's values and its whole text. */
export type SmsToSend = {
  to: string;
  kind: SmsKind;
  params: Readonly<Record<string, string>>;
  text: string;
};

export type SmsProvider = {
  /** Kept on the message (`provider`): `outbox`, `aliyun`. */
  name: string;
  /** Resolves to the provider's reference of the accepted message; throws an SmsSendError otherwise. */
  send: (message: SmsToSend) => Promise<{ ref: string }>;
};

/** A provider's refusal: `code` is kept on the message as its error (the provider's own code where it gave one). */
export class SmsSendError extends Error {
  readonly code: string;
  readonly isRetryable: boolean;

  constructor(code: string, isRetryable: boolean, message?: string) {
    super(message ?? code);
    this.name = 'SmsSendError';
    this.code = code;
    this.isRetryable = isRetryable;
  }
}

/**
 * Development and tests: nothing leaves the machine. The message counts as sent; its text
 * is read on /dev/sms (what a browser test reads a one-time code from).
 */
export const outboxProvider: SmsProvider = {
  name: 'outbox',
  send: async () => ({ ref: `outbox-${randomUUID()}` }),
};
