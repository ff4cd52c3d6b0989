import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { users, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import {
  MAX_WEBHOOK_ENDPOINTS,
  WEBHOOK_EVENTS_FOR,
  type WebhookDeliveryStatus,
  type WebhookDisabledReason,
  type WebhookEndpointStatus,
  type WebhookEventType,
} from '@/lib/webhook-events';
import type { Actor, Caller } from '../../auth/actor';
import { writeAudit } from '../../audit/write';
import { DomainError } from '../../errors';
import { encryptPii } from '../../pii/crypto';
import { jobQueue } from '../../jobs/queue';
import { afterCursor, decodeCursor, toPage } from '../shared/keyset';
import { WEBHOOK_DELIVER_JOB, type DeliverJobPayload } from './emit';
import { checkWebhookUrl, type Resolve } from './url';

// An organization admin's webhook endpoints: registered with the events wanted, the
// signing secret shown once, disabled and enabled again, and each endpoint's delivery log
// with a manual re-send. Every query is scoped to the caller's organization; another
// organization's endpoint or delivery answers NOT_FOUND.

export type WebhookEndpointView = {
  id: string;
  url: string;
  eventTypes: WebhookEventType[];
  status: WebhookEndpointStatus;
  disabledReason: WebhookDisabledReason | null;
  disabledAt: Date | null;
  createdAt: Date;
  createdByName: string;
};

export type WebhookDeliveryView = {
  id: string;
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  log: { statusCode: number | null; durationMs: number; error: string | null; isManual: boolean; at: Date }[];
};

const eventsFor = (orgType: Actor['orgType']): readonly WebhookEventType[] =>
  orgType === 'creditor' ? WEBHOOK_EVENTS_FOR.creditor : orgType === 'agency' ? WEBHOOK_EVENTS_FOR.agency : [];

const viewColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  eventTypes: webhookEndpoints.eventTypes,
  status: webhookEndpoints.status,
  disabledReason: webhookEndpoints.disabledReason,
  disabledAt: webhookEndpoints.disabledAt,
  createdAt: webhookEndpoints.createdAt,
  createdByName: users.name,
};

const asView = (row: Omit<WebhookEndpointView, 'eventTypes'> & { eventTypes: string[] }): WebhookEndpointView => ({
  ...row,
  eventTypes: row.eventTypes as WebhookEventType[],
});

/** Refuses a URL the worker would refuse to call, naming the field. */
const assertUrl = async (url: string, resolve?: Resolve) => {
  const checked = await checkWebhookUrl(url, { resolve });
  if (!checked.ok) throw new DomainError(checked.code, { field: 'url' });
};

/** Registers an endpoint of the caller's organization; answers the signing secret, which is never shown again. */
export const createWebhookEndpoint = async (
  db: Db,
  caller: Caller,
  input: { url: string; eventTypes: WebhookEventType[] },
  options: { resolve?: Resolve } = {},
): Promise<{ endpoint: WebhookEndpointView; secret: string }> => {
  const allowed = eventsFor(caller.actor.orgType);
  const foreign = input.eventTypes.filter((t) => !allowed.includes(t));
  if (foreign.length > 0)
    throw new DomainError('webhook.eventNotForOrg', { field: 'eventTypes', values: { events: foreign.join(', ') } });
  await assertUrl(input.url, options.resolve);
  // Standard Webhooks secrets: `whsec_` and 24 to 64 random bytes, base64.
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const eventTypes = [...new Set(input.eventTypes)].sort();
  return db.transaction(async (tx) => {
    const [active] = await tx
      .select({ n: count() })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.orgId, caller.actor.orgId), eq(webhookEndpoints.status, 'active')));
    if ((active?.n ?? 0) >= MAX_WEBHOOK_ENDPOINTS)
      throw new DomainError('webhook.tooMany', { values: { max: String(MAX_WEBHOOK_ENDPOINTS) } });
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        orgId: caller.actor.orgId,
        url: input.url,
        eventTypes,
        secretSealed: encryptPii(secret),
        createdBy: caller.actor.userId,
      })
      .returning();
    if (!row) throw new Error('the endpoint was not written');
    await writeAudit(tx, caller, {
      action: 'webhook.create',
      resourceType: 'webhook_endpoint',
      resourceId: row.id,
      orgId: caller.actor.orgId,
      after: { url: row.url, eventTypes },
    });
    return { secret, endpoint: asView({ ...row, createdByName: caller.actor.name }) };
  });
};

/** The organization's endpoints, newest first. */
export const listWebhookEndpoints = async (
  db: DbOrTx,
  caller: Caller,
  input: { cursor?: string | null; limit: number },
) => {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select(viewColumns)
    .from(webhookEndpoints)
    .innerJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(
      and(
        eq(webhookEndpoints.orgId, caller.actor.orgId),
        cursor ? afterCursor(webhookEndpoints.createdAt, webhookEndpoints.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: page.items.map(asView), nextCursor: page.nextCursor };
};

const viewOf = async (db: DbOrTx, endpointId: string): Promise<WebhookEndpointView> => {
  const [row] = await db
    .select(viewColumns)
    .from(webhookEndpoints)
    .innerJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(eq(webhookEndpoints.id, endpointId));
  if (!row) throw new DomainError('webhook.notFound', { field: 'endpointId' });
  return asView(row);
};

/** Switches one of the organization's endpoints off (its queued attempts stop) or on again (its URL checked anew). */
export const setWebhookEndpointActive = (
  db: Db,
  caller: Caller,
  endpointId: string,
  isActive: boolean,
  options: { resolve?: Resolve; now?: Date } = {},
): Promise<WebhookEndpointView> =>
  db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, status: webhookEndpoints.status })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.orgId, caller.actor.orgId)))
      .for('update');
    if (!current) throw new DomainError('webhook.notFound', { field: 'endpointId' });
    if (isActive && current.status === 'active') throw new DomainError('webhook.alreadyActive');
    if (!isActive && current.status === 'disabled') throw new DomainError('webhook.alreadyDisabled');
    if (isActive) await assertUrl(current.url, options.resolve);
    await tx
      .update(webhookEndpoints)
      .set(
        isActive
          ? { status: 'active', disabledReason: null, disabledAt: null }
          : { status: 'disabled', disabledReason: 'byAdmin', disabledAt: options.now ?? new Date() },
      )
      .where(eq(webhookEndpoints.id, endpointId));
    await writeAudit(tx, caller, {
      action: isActive ? 'webhook.enable' : 'webhook.disable',
      resourceType: 'webhook_endpoint',
      resourceId: endpointId,
      orgId: caller.actor.orgId,
      before: { status: current.status },
      after: { status: isActive ? 'active' : 'disabled' },
    });
    return viewOf(tx, endpointId);
  });

/** One endpoint's deliveries, newest first, each with its attempts (status code, duration, error). */
export const listWebhookDeliveries = async (
  db: DbOrTx,
  caller: Caller,
  input: { endpointId: string; cursor?: string | null; limit: number },
) => {
  const [endpoint] = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, input.endpointId), eq(webhookEndpoints.orgId, caller.actor.orgId)));
  if (!endpoint) throw new DomainError('webhook.notFound', { field: 'endpointId' });
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookEvents.type,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.endpointId, endpoint.id),
        cursor ? afterCursor(webhookDeliveries.createdAt, webhookDeliveries.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(input.limit + 1);
  const page = toPage(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const ids = page.items.map((r) => r.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .select({
            deliveryId: webhookAttempts.deliveryId,
            statusCode: webhookAttempts.statusCode,
            durationMs: webhookAttempts.durationMs,
            error: webhookAttempts.error,
            isManual: webhookAttempts.isManual,
            at: webhookAttempts.at,
          })
          .from(webhookAttempts)
          .where(inArray(webhookAttempts.deliveryId, ids))
          .orderBy(webhookAttempts.at, webhookAttempts.id);
  const items: WebhookDeliveryView[] = page.items.map((r) => ({
    ...r,
    log: attempts.filter((a) => a.deliveryId === r.id).map(({ deliveryId: _, ...a }) => a),
  }));
  return { items, nextCursor: page.nextCursor };
};

/**
 * Queues one more attempt of a delivery now, also after it failed (it is pending again,
 * with a day of retries from the event no longer: a failed re-send leaves it failed). A
 * delivered delivery is never sent again.
 */
export const resendWebhookDelivery = (db: Db, caller: Caller, deliveryId: string, now = new Date()) =>
  db.transaction(async (tx) => {
    const [current] = await tx
      .select({
        id: webhookDeliveries.id,
        status: webhookDeliveries.status,
        attempts: webhookDeliveries.attempts,
        endpointId: webhookDeliveries.endpointId,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookEndpoints.orgId, caller.actor.orgId)))
      .for('update', { of: webhookDeliveries });
    if (!current) throw new DomainError('webhook.deliveryNotFound', { field: 'deliveryId' });
    if (current.status === 'delivered') throw new DomainError('webhook.alreadyDelivered');
    if (current.status === 'failed')
      await tx
        .update(webhookDeliveries)
        .set({ status: 'pending', nextAttemptAt: now })
        .where(eq(webhookDeliveries.id, deliveryId));
    // Each re-send is its own job; whichever run claims the attempt first makes it.
    await jobQueue.enqueue(tx, {
      kind: WEBHOOK_DELIVER_JOB,
      key: `resend:${deliveryId}:${randomUUID()}`,
      runAt: now,
      payload: { deliveryId, attempt: current.attempts, isManual: true } satisfies DeliverJobPayload,
    });
    await writeAudit(tx, caller, {
      action: 'webhook.resend',
      resourceType: 'webhook_delivery',
      resourceId: deliveryId,
      orgId: caller.actor.orgId,
      before: { status: current.status, attempts: current.attempts },
      after: { endpointId: current.endpointId },
    });
    return { deliveryId, status: 'pending' as const };
  });
