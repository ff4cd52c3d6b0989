import { z } from 'zod';
import {
  MAX_WEBHOOK_URL,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ENDPOINT_STATUSES,
  WEBHOOK_EVENT_TYPES,
} from '@/lib/webhook-events';
import { ZId, ZPageInput, pageOf } from '../shared.schema';

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES, { error: 'v.webhookEvent' });

export const ZWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(ZWebhookEventType),
  status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
  disabledAt: z.date().nullable(),
  createdAt: z.date(),
  createdByName: z.string(),
});

export const ZListWebhookEndpointsInput = ZPageInput;
export const ZWebhookEndpoints = pageOf(ZWebhookEndpoint);

// Strict: the organization comes from the session. Whether the address may be reached is
// the server's question (DNS, the allow-list): the form checks only its shape.
export const ZCreateWebhookEndpointInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'v.webhookUrl' }).max(MAX_WEBHOOK_URL),
  eventTypes: z.array(ZWebhookEventType).min(1, { error: 'v.webhookEventsRequired' }).max(WEBHOOK_EVENT_TYPES.length),
});
export type TCreateWebhookEndpointInput = z.input<typeof ZCreateWebhookEndpointInput>;

export const ZCreatedWebhookEndpoint = z.object({ endpoint: ZWebhookEndpoint, secret: z.string() });

export const ZWebhookEndpointIdInput = z.strictObject({ endpointId: ZId });

export const ZListWebhookDeliveriesInput = ZPageInput.extend({ endpointId: ZId });

export const ZWebhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.date().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  log: z.array(
    z.object({
      statusCode: z.number().int().nullable(),
      durationMs: z.number().int(),
      error: z.string().nullable(),
      isManual: z.boolean(),
      at: z.date(),
    }),
  ),
});
export const ZWebhookDeliveries = pageOf(ZWebhookDelivery);

export const ZResendWebhookInput = z.strictObject({ deliveryId: ZId });
export const ZResentWebhook = z.object({ deliveryId: z.string(), status: z.literal('pending') });

export const ZListEventsInput = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ZOrgEvents = z.object({
  items: z.array(
    z.object({ id: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()), createdAt: z.date() }),
  ),
  nextCursor: z.string().nullable(),
});
