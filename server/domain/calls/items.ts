import { z } from 'zod';
import {
  CALL_CLOCK_SKEW_MS,
  CALL_DIRECTIONS,
  CALL_DISPOSITIONS,
  CALL_RECORD_KINDS,
  MAX_CALL_BATCH,
} from '@/lib/call-records';
import { normalisePhone } from '../cases/import-row';

// One record as a dialer or SMS gateway sends it, over the API or as a row of a file: the
// same checks either way, each error naming the item (or row) and the field.

const instant = z.iso.datetime({ offset: true });
const at = (v: string) => new Date(v).getTime();

export const ZCallItem = z
  .strictObject({
    /** The dialer's own id: the same id sent again is stored once. */
    id: z.string().trim().min(1).max(100),
    kind: z.enum(CALL_RECORD_KINDS).default('call'),
    direction: z.enum(CALL_DIRECTIONS).default('outbound'),
    /** The agency's line: the caller for outbound calls, the sender of a message. */
    line: z
      .string()
      .trim()
      .min(3)
      .max(32)
      .regex(/^\+?[0-9-]+$/, 'e.calls.line'),
    /** The other party's number (the debtor's or a contact's). */
    party: z.string().trim().min(1).max(32),
    startedAt: instant,
    answeredAt: instant.optional(),
    endedAt: instant.optional(),
    /** Seconds talked. */
    durationS: z.int().min(0).max(86_400).optional(),
    disposition: z.enum(CALL_DISPOSITIONS),
    /** The agent: the user's id, e-mail or work number (工号) in Daylight. */
    agent: z.string().trim().min(1).max(200).optional(),
    /** A message's text. */
    text: z.string().max(2_000).optional(),
    transcript: z.string().max(200_000).optional(),
  })
  .superRefine((item, ctx) => {
    if (!normalisePhone(item.party)) ctx.addIssue({ code: 'custom', path: ['party'], message: 'e.calls.party' });
    if (at(item.startedAt) > Date.now() + CALL_CLOCK_SKEW_MS)
      ctx.addIssue({ code: 'custom', path: ['startedAt'], message: 'e.calls.future' });
    if (item.endedAt && at(item.endedAt) < at(item.startedAt))
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'e.calls.endBeforeStart' });
    if (
      item.answeredAt &&
      (at(item.answeredAt) < at(item.startedAt) || (item.endedAt && at(item.answeredAt) > at(item.endedAt)))
    )
      ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'e.calls.answeredOutside' });
    const smsDisposition = item.disposition === 'delivered' || item.disposition === 'failed';
    if (item.kind === 'sms' && !smsDisposition)
      ctx.addIssue({ code: 'custom', path: ['disposition'], message: 'e.calls.smsDisposition' });
    if (item.kind === 'call' && item.disposition === 'delivered')
      ctx.addIssue({ code: 'custom', path: ['disposition'], message: 'e.calls.callDisposition' });
  });

export type CallItem = z.output<typeof ZCallItem>;

/** Marks every item whose id another item of the same batch already used. */
export const refuseRepeatedIds = (
  items: readonly { id: string }[],
  ctx: z.RefinementCtx,
  path: (i: number) => PropertyKey[],
) => {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else ctx.addIssue({ code: 'custom', path: path(i), message: 'e.calls.repeatedId' });
  });
};

export const ZCallBatch = z
  .strictObject({ items: z.array(ZCallItem).min(1).max(MAX_CALL_BATCH) })
  .superRefine((batch, ctx) => refuseRepeatedIds(batch.items, ctx, (i) => ['items', i, 'id']));
