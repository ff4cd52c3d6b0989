import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import type { WebhookEventType } from '@/lib/webhook-events';
import { jobQueue } from '../../jobs/queue';

// The outbox: an event is written in the transaction of the change it reports, with a
// delivery and a queued delivery job for each active endpoint of the organization that
// subscribed to its type. A rolled-back change leaves no event and sends nothing; a
// committed one is delivered by the worker after the commit, never from inside it.

export const WEBHOOK_DELIVER_JOB = 'webhook.deliver';

/** What a delivery job carries: the delivery, the attempts it had when queued, and whether an admin asked for it. */
export type DeliverJobPayload = { deliveryId: string; attempt: number; isManual?: boolean };

/**
 * Records one event for an organization. Nothing is written when no endpoint listens for it,
 * so an organization without webhooks pays one indexed read per change.
 */
export const emitEvent = async (
  tx: Tx,
  event: { orgId: string; type: WebhookEventType; payload: Record<string, unknown> },
): Promise<string | null> => {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, event.orgId),
        eq(webhookEndpoints.status, 'active'),
        arrayContains(webhookEndpoints.eventTypes, [event.type]),
      ),
    );
  if (endpoints.length === 0) return null;
  const [row] = await tx
    .insert(webhookEvents)
    .values({ orgId: event.orgId, type: event.type, payload: event.payload })
    .returning({ id: webhookEvents.id });
  if (!row) throw new Error('the webhook event was not written');
  const deliveries = await tx
    .insert(webhookDeliveries)
    .values(endpoints.map((e) => ({ eventId: row.id, endpointId: e.id })))
    .returning({ id: webhookDeliveries.id });
  for (const d of deliveries) {
    await jobQueue.enqueue(tx, {
      kind: WEBHOOK_DELIVER_JOB,
      key: `${d.id}:0`,
      payload: { deliveryId: d.id, attempt: 0 } satisfies DeliverJobPayload,
    });
  }
  return row.id;
};

/** The same event for several organizations (the creditor and the agency of a case). */
export const emitEvents = async (
  tx: Tx,
  orgIds: readonly (string | null | undefined)[],
  type: WebhookEventType,
  payload: Record<string, unknown>,
): Promise<void> => {
  for (const orgId of new Set(orgIds)) if (orgId) await emitEvent(tx, { orgId, type, payload });
};

/**
 * Which of `orgIds` have an active endpoint subscribed to `type`: asked once before a file
 * writes an event per row, so that a file whose organizations listen to nothing pays nothing.
 */
export const subscribedOrgs = async (tx: Tx, type: WebhookEventType, orgIds: readonly string[]) => {
  if (orgIds.length === 0) return new Set<string>();
  const rows = await tx
    .selectDistinct({ orgId: webhookEndpoints.orgId })
    .from(webhookEndpoints)
    .where(
      and(
        inArray(webhookEndpoints.orgId, [...new Set(orgIds)]),
        eq(webhookEndpoints.status, 'active'),
        arrayContains(webhookEndpoints.eventTypes, [type]),
      ),
    );
  return new Set(rows.map((r) => r.orgId));
};
