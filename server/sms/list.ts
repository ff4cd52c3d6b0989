import { and, desc, like, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { smsMessages } from '@/db/schema';
import { DomainError } from '../errors';
import { afterCursor, decodeCursor, toPage } from '../domain/shared/keyset';
import { isOutboxInUse } from './config';
import { openSmsParams } from './send';
import { smsText } from './texts';

// The outbox as /dev/sms shows it, for developers and the browser tests: what would have
// been sent, whole, one-time codes included. It exists only while the outbox is the
// provider (development, tests): with a real provider the messages left for real phones
// and nobody reads them here, so the list answers NOT_FOUND as if it had never existed.

export type OutboxListArgs = {
  cursor?: string | null | undefined;
  limit: number;
  /** The last 4 digits of the number: a test finds its own message among others. */
  last4?: string | null | undefined;
};

/** The newest messages first, each with its whole text. */
export const listOutbox = async (db: DbOrTx, args: OutboxListArgs) => {
  if (!isOutboxInUse()) throw new DomainError('sms.outboxOff');
  const cursor = decodeCursor(args.cursor);
  const where: SQL[] = [];
  if (cursor) where.push(afterCursor(smsMessages.createdAt, smsMessages.id, cursor));
  // Masked numbers keep their last 4 digits (138****5678); the input schema allows digits only.
  if (args.last4) where.push(like(smsMessages.toMasked, `%${args.last4}`));
  const rows = await db
    .select()
    .from(smsMessages)
    .where(and(...where))
    .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
    .limit(args.limit + 1);
  const page = toPage(rows, args.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      createdAt: r.createdAt,
      kind: r.kind,
      toMasked: r.toMasked,
      text: smsText(r.kind, openSmsParams(r.paramsEnc)),
      status: r.status,
      provider: r.provider,
      error: r.error,
      attempts: r.attempts,
      sentAt: r.sentAt,
    })),
  };
};
