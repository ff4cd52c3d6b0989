import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_ENDPOINT_STATUSES,
} from '../../lib/webhook-events';
import { ts } from './columns';
import { organizations } from './organizations';
import { users } from './users';

export const webhookEndpointStatus = pgEnum('webhook_endpoint_status', WEBHOOK_ENDPOINT_STATUSES);
export const webhookDisabledReason = pgEnum('webhook_disabled_reason', WEBHOOK_DISABLED_REASONS);
export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', WEBHOOK_DELIVERY_STATUSES);

// Where an organization's systems hear of its events. The signing secret (Standard Webhooks,
// `whsec_<base64>`) is shown once and kept sealed with the PII key: the worker needs it back
// to sign, so a hash would not do.
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    url: text().notNull(),
    eventTypes: text().array().notNull(),
    secretSealed: text().notNull(),
    status: webhookEndpointStatus().notNull().default('active'),
    disabledReason: webhookDisabledReason(),
    disabledAt: ts(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.orgId, t.createdAt, t.id)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

// The outbox: written in the transaction of the change it reports, so an event exists
// exactly when its change committed. Append-only (trigger); its id is the `webhook-id`
// receivers deduplicate by.
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('webhook_events_org_idx').on(t.orgId, t.createdAt, t.id)],
);

// One per event and endpoint subscribed to it when the event was written.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id),
    status: webhookDeliveryStatus().notNull().default('pending'),
    /** Attempts begun; the job of attempt n carries n - 1 and only one run can move it on. */
    attempts: integer().notNull().default(0),
    /** Set while an attempt is on the wire: a run that died mid-call is taken over after a while. */
    sendingSince: ts(),
    nextAttemptAt: ts(),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_endpoint_idx').on(t.eventId, t.endpointId),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt, t.id),
    index('webhook_deliveries_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

// Every request made, as it went: append-only (trigger), the delivery log's evidence.
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id),
    /** Null when no answer came (timeout, refused connection, refused address). */
    statusCode: integer(),
    durationMs: integer().notNull(),
    error: text(),
    isManual: boolean().notNull().default(false),
    at: ts().notNull().defaultNow(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.at)],
);
