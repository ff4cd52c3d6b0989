import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '@/db/client';
import { organizations, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '@/db/schema';
import { decryptPii } from '../../pii/crypto';
import { writeAudit } from '../../audit/write';
import { notify } from '../notifications/notify';
import { jobQueue } from '../../jobs/queue';
import type { JobHandler, JobQueue } from '../../jobs/job-queue';
import { drainJobs } from '../../jobs/queue';
import { WEBHOOK_DELIVER_JOB, type DeliverJobPayload } from './emit';
import { postWebhook, type SendResult } from './send';
import { checkWebhookUrl } from './url';

// Delivering one attempt of one delivery. The attempt is claimed in a short transaction,
// the request is made with no transaction open and no row locked (a receiver taking its
// 10 s holds nothing), and its outcome is written in a second short transaction that also
// queues the next attempt. Retries are new jobs at a later time, never a sleep.

/** Standard Webhooks retries for a day: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, then every 8 h, the last at 24 h. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000];
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;
/** A run that claimed an attempt and died (a worker killed mid-request) is taken over after this long. */
const TAKEOVER_MS = 60_000;

const SYSTEM = { actor: null, ip: null, userAgent: null } as const;

/** When to try again after `attempts` failed attempts, or null once the day since the event has passed. */
export const nextAttemptAt = (attempts: number, now: Date, eventAt: Date): Date | null => {
  const deadline = eventAt.getTime() + RETRY_WINDOW_MS;
  if (now.getTime() >= deadline) return null;
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempts - 1, 0), RETRY_DELAYS_MS.length - 1)] ?? 0;
  return new Date(Math.min(now.getTime() + delay, deadline));
};

const payloadOf = (raw: Record<string, unknown>): DeliverJobPayload => {
  const { deliveryId, attempt, isManual } = raw;
  if (typeof deliveryId !== 'string' || typeof attempt !== 'number') throw new Error('webhook job without a delivery');
  return { deliveryId, attempt, isManual: isManual === true };
};

/** Runs one delivery job; a job whose attempt was already made (a re-run, a duplicate) changes nothing. */
export const deliverWebhook = async (db: Db, raw: Record<string, unknown>, now: Date): Promise<void> => {
  const job = payloadOf(raw);
  const [claimed] = await db
    .update(webhookDeliveries)
    .set({ attempts: job.attempt + 1, sendingSince: now })
    .where(
      and(
        eq(webhookDeliveries.id, job.deliveryId),
        eq(webhookDeliveries.status, 'pending'),
        or(
          and(eq(webhookDeliveries.attempts, job.attempt), isNull(webhookDeliveries.sendingSince)),
          and(
            eq(webhookDeliveries.attempts, job.attempt + 1),
            lt(webhookDeliveries.sendingSince, new Date(now.getTime() - TAKEOVER_MS)),
          ),
        ),
      ),
    )
    .returning({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      endpointId: webhookDeliveries.endpointId,
    });
  if (!claimed) return;
  const [found] = await db
    .select({ event: webhookEvents, endpoint: webhookEndpoints })
    .from(webhookEvents)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, claimed.endpointId))
    .where(eq(webhookEvents.id, claimed.eventId));
  if (!found) throw new Error('webhook delivery without its event');
  const { event, endpoint } = found;

  let result: SendResult;
  if (endpoint.status !== 'active' && !job.isManual) {
    // Disabled meanwhile (by an admin, or failing): queued attempts stop; an admin may re-send.
    result = { statusCode: null, durationMs: 0, error: 'endpoint disabled' };
  } else {
    const checked = await checkWebhookUrl(endpoint.url);
    if (!checked.ok) {
      result = {
        statusCode: null,
        durationMs: 0,
        error: `${checked.code}${checked.address ? ` (${checked.address})` : ''}`,
      };
    } else {
      const body = JSON.stringify({ type: event.type, timestamp: event.createdAt.toISOString(), data: event.payload });
      // The signed time is the real clock's: a receiver checks it against its own.
      const sentAt = new Date();
      const signature = new Webhook(decryptPii(endpoint.secretSealed)).sign(event.id, sentAt, body);
      result = await postWebhook(checked.target, body, {
        'webhook-id': event.id,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      });
    }
  }
  const isDelivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const isStopped = endpoint.status !== 'active' && !job.isManual;
  const next = isDelivered || isStopped ? null : nextAttemptAt(job.attempt + 1, now, event.createdAt);

  await db.transaction(async (tx) => {
    if (!isStopped)
      await tx.insert(webhookAttempts).values({
        deliveryId: claimed.id,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        error: result.error,
        isManual: job.isManual === true,
        at: now,
      });
    await tx
      .update(webhookDeliveries)
      .set({
        status: isDelivered ? 'delivered' : next ? 'pending' : 'failed',
        sendingSince: null,
        nextAttemptAt: next,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        deliveredAt: isDelivered ? now : null,
      })
      .where(and(eq(webhookDeliveries.id, claimed.id), eq(webhookDeliveries.status, 'pending')));
    if (next) {
      await jobQueue.enqueue(tx, {
        kind: WEBHOOK_DELIVER_JOB,
        key: `${claimed.id}:${job.attempt + 1}`,
        runAt: next,
        payload: { deliveryId: claimed.id, attempt: job.attempt + 1 } satisfies DeliverJobPayload,
      });
      return;
    }
    // A day of failures: the endpoint stops receiving until an admin enables it again, and
    // the admins hear of it. A failed manual re-send of an old event disables nothing.
    if (isDelivered || isStopped || job.isManual) return;
    const [disabled] = await tx
      .update(webhookEndpoints)
      .set({ status: 'disabled', disabledReason: 'failing', disabledAt: now })
      .where(and(eq(webhookEndpoints.id, endpoint.id), eq(webhookEndpoints.status, 'active')))
      .returning({ id: webhookEndpoints.id });
    if (!disabled) return;
    const [org] = await tx
      .select({ type: organizations.type })
      .from(organizations)
      .where(eq(organizations.id, endpoint.orgId));
    await writeAudit(tx, SYSTEM, {
      action: 'webhook.disableFailing',
      resourceType: 'webhook_endpoint',
      resourceId: endpoint.id,
      orgId: endpoint.orgId,
      after: { status: 'disabled', reason: 'failing', eventId: event.id, lastStatusCode: result.statusCode },
    });
    await notify(
      tx,
      { orgId: endpoint.orgId, roles: ['admin'] },
      'webhook.disabled',
      { url: endpoint.url },
      org?.type === 'agency' ? '/agency/webhooks' : '/creditor/webhooks',
    );
  });
};

export const WEBHOOK_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [WEBHOOK_DELIVER_JOB]: (db, job, now) => deliverWebhook(db, job.payload, now),
};

/**
 * Drains the webhook deliveries that are due on `lanes` claims at once, so that one slow or
 * silent receiver holds one lane for its timeout while the others keep delivering.
 */
export const deliverWebhooks = async (
  db: Db,
  {
    lanes = 4,
    now,
    signal,
    limit = 1000,
    queue,
  }: { lanes?: number; now?: () => Date; signal?: AbortSignal; limit?: number; queue?: JobQueue } = {},
): Promise<number> => {
  const ran = await Promise.all(
    Array.from({ length: lanes }, () => drainJobs(db, WEBHOOK_HANDLERS, { now, signal, limit, queue })),
  );
  return ran.reduce((a, b) => a + b, 0);
};
