// Webhooks reach a real HTTP receiver signed by the Standard Webhooks scheme: each request
// verifies with the endpoint's secret; a receiver answering 500 is retried later (a new job
// at a later time, not a sleep) and the event is delivered once by its id; a receiver that
// never answers times out and is retried; a slow one holds one lane, not the worker; after
// 24 hours of failures the endpoint is disabled and its admins told. Addresses on loopback
// and private networks, and plain http, are refused unless allow-listed (WEBHOOK_ALLOWED_HOSTS),
// when the endpoint is registered and again before each request.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, notifications, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { describeError } from '../../api/errors';
import { createTestDb } from '../../testing/db';
import { buildWorld, callerAs, type World } from '../../testing/world';
import { deliverWebhook, deliverWebhooks } from './deliver';
import { emitEvent } from './emit';
import type { WebhookEventType } from '@/lib/webhook-events';

type Answer = number | 'hang' | { status: number; afterMs: number };
type Received = { id: string; body: string; isVerified: boolean; at: number; answeredAt?: number };

/** A receiver on 127.0.0.1 answering as `answer` says for the nth request, checking each signature. */
const receiver = async (answer: (n: number) => Answer) => {
  const received: Received[] = [];
  const secrets: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const isVerified = secrets.some((s) => {
        try {
          new Webhook(s).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      const entry: Received = { id: headers['webhook-id'] ?? '', body, isVerified, at: Date.now() };
      received.push(entry);
      const a = answer(received.length);
      if (a === 'hang') return;
      const send = (status: number) => {
        entry.answeredAt = Date.now();
        res.writeHead(status).end('ok');
      };
      if (typeof a === 'number') send(a);
      else setTimeout(() => send(a.status), a.afterMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    secrets,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};

let handle: DbHandle;
let w: World;
const receivers: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
});
beforeEach(() => {
  vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const admin = () => callerAs(handle.db, w.users['creditorA.admin']);

/** An endpoint of creditorA on a new receiver, subscribed to `type`. */
const endpointOn = async (answer: (n: number) => Answer, type: WebhookEventType = 'import.finished') => {
  const r = await receiver(answer);
  receivers.push(r);
  const { endpoint, secret } = await (await admin()).webhooks.create({ url: r.url, eventTypes: [type] });
  r.secrets.push(secret);
  return { ...r, endpointId: endpoint.id, secret };
};

const emit = (type: WebhookEventType = 'import.finished', payload: Record<string, unknown> = { importId: 'i-1' }) =>
  handle.db.transaction((tx) => emitEvent(tx, { orgId: w.orgs.creditorA.id, type, payload }));

const deliveriesOf = async (endpointId: string) =>
  (await (await admin()).webhooks.deliveries({ endpointId, limit: 50 })).items;

const disableAll = async () => {
  await handle.db
    .update(webhookEndpoints)
    .set({ status: 'disabled', disabledReason: 'byAdmin', disabledAt: new Date() })
    .where(eq(webhookEndpoints.status, 'active'));
};
afterEach(disableAll);

describe('delivery to a real receiver', () => {
  it('signs each request so that the receiver verifies it with the endpoint secret', async () => {
    const hook = await endpointOn(() => 204);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const eventId = await emit('import.finished', { importId: 'i-42', rows: 3 });
    expect(await deliverWebhooks(handle.db)).toBe(1);
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]).toMatchObject({ id: eventId, isVerified: true });
    expect(JSON.parse(hook.received[0]?.body ?? '')).toMatchObject({
      type: 'import.finished',
      data: { importId: 'i-42', rows: 3 },
    });
    // Another secret does not verify it: the check above can fail.
    const other = new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);
    expect(() => other.verify(hook.received[0]?.body ?? '', { 'webhook-id': 'x' })).toThrow();
    const [delivery] = await deliveriesOf(hook.endpointId);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 204,
      log: [{ statusCode: 204 }],
    });

    // A re-run of the same job sends nothing more, and a delivered event is never re-sent.
    await deliverWebhook(handle.db, { deliveryId: delivery?.id ?? '', attempt: 0 }, new Date());
    expect(hook.received).toHaveLength(1);
    await expect((await admin()).webhooks.resend({ deliveryId: delivery?.id ?? '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('retries a receiver that answers 500, and delivers the event once by its id', async () => {
    const hook = await endpointOn((n) => (n === 1 ? 500 : 200));
    const eventId = await emit();
    const t0 = new Date();
    await deliverWebhooks(handle.db, { now: () => t0 });
    expect(hook.received.map((r) => r.id)).toEqual([eventId]);
    const [pending] = await deliveriesOf(hook.endpointId);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    // The retry is a job due 30 s later: nothing runs before then.
    expect(pending?.nextAttemptAt?.getTime()).toBe(t0.getTime() + 30_000);
    await deliverWebhooks(handle.db, { now: () => new Date(t0.getTime() + 29_000) });
    expect(hook.received).toHaveLength(1);
    await deliverWebhooks(handle.db, { now: () => new Date(t0.getTime() + 31_000) });
    await deliverWebhooks(handle.db, { now: () => new Date(t0.getTime() + 3_600_000) });
    expect(hook.received.map((r) => r.id)).toEqual([eventId, eventId]);
    expect(hook.received.every((r) => r.isVerified)).toBe(true);
    const [delivered] = await deliveriesOf(hook.endpointId);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
    expect(delivered?.log.map((a) => a.statusCode)).toEqual([500, 200]);
  });

  it('times out a receiver that never answers and tries again later', async () => {
    vi.stubEnv('WEBHOOK_TIMEOUT_MS', '300');
    const hook = await endpointOn(() => 'hang');
    await emit();
    const t0 = new Date();
    await deliverWebhooks(handle.db, { now: () => t0 });
    const [first] = await deliveriesOf(hook.endpointId);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(first?.log[0]?.error).toMatch(/^timeout after 300 ms/);
    expect(first?.log[0]?.durationMs).toBeGreaterThanOrEqual(290);
    await deliverWebhooks(handle.db, { now: () => new Date(t0.getTime() + 31_000) });
    expect(hook.received).toHaveLength(2);
    expect((await deliveriesOf(hook.endpointId))[0]).toMatchObject({ status: 'pending', attempts: 2 });
  });

  it('keeps delivering to others while one receiver is slow', async () => {
    const slow = await endpointOn(() => ({ status: 200, afterMs: 1_500 }), 'action.logged');
    const fast = await endpointOn(() => 200, 'import.finished');
    await emit('action.logged', { actionId: 'a-1' });
    await new Promise((r) => setTimeout(r, 10));
    await emit('import.finished', { importId: 'i-2' });
    await deliverWebhooks(handle.db, { lanes: 2 });
    const slowAnswer = slow.received[0]?.answeredAt ?? 0;
    expect(slowAnswer).toBeGreaterThan(0);
    expect(fast.received[0]?.at).toBeLessThan(slowAnswer);
    expect((await deliveriesOf(fast.endpointId))[0]?.status).toBe('delivered');
    expect((await deliveriesOf(slow.endpointId))[0]?.status).toBe('delivered');
  });

  it('disables the endpoint after 24 hours of failures and tells the organization’s admins', async () => {
    const hook = await endpointOn(() => 503);
    await emit();
    let now = new Date();
    const t0 = now.getTime();
    for (let i = 0; i < 30; i += 1) {
      const at = now;
      await deliverWebhooks(handle.db, { now: () => at });
      const [d] = await deliveriesOf(hook.endpointId);
      if (d?.status !== 'pending' || !d.nextAttemptAt) break;
      now = d.nextAttemptAt;
    }
    const [failed] = await deliveriesOf(hook.endpointId);
    expect(failed?.status).toBe('failed');
    // The first try, then after 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h (15 h 42 min and
    // 23 h 42 min after the first), and the last at 24 h.
    expect(failed?.log).toHaveLength(11);
    expect((failed?.log.at(-1)?.at.getTime() ?? 0) - t0).toBeGreaterThanOrEqual(24 * 3_600_000 - 5_000);
    const [endpoint] = await handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.endpointId));
    expect(endpoint).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
    const told = await handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.users['creditorA.admin'].id), eq(notifications.kind, 'webhook.disabled')));
    expect(told).toHaveLength(1);
    expect(told[0]?.params).toEqual({ url: hook.url });
    const audits = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'webhook.disableFailing'), eq(auditLog.resourceId, hook.endpointId)));
    expect(audits).toHaveLength(1);
    // A disabled endpoint gets no new events; an admin may re-send the failed one by hand.
    expect(await emit()).toBeNull();
    const received = hook.received.length;
    await (await admin()).webhooks.resend({ deliveryId: failed?.id ?? '' });
    await deliverWebhooks(handle.db, { now: () => new Date(t0 + 25 * 3_600_000) });
    expect(hook.received).toHaveLength(received + 1);
    const [again] = await deliveriesOf(hook.endpointId);
    expect(again).toMatchObject({
      status: 'failed',
      log: expect.arrayContaining([expect.objectContaining({ isManual: true })]),
    });
  });
});

describe('addresses a webhook may not reach', () => {
  it.each([
    ['https://127.0.0.1/hooks', 'webhook.urlPrivate'],
    ['https://10.0.0.5/hooks', 'webhook.urlPrivate'],
    ['https://[::ffff:169.254.169.254]/latest', 'webhook.urlPrivate'],
    ['https://[fd00::1]/hooks', 'webhook.urlPrivate'],
    ['http://example.com/hooks', 'webhook.urlNotHttps'],
    ['https://user:pw@example.com/hooks', 'webhook.urlInvalid'],
  ])('refuses %s unless allow-listed, naming the field', async (url, code) => {
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '');
    const error = await (
      await admin()
    ).webhooks
      .create({ url, eventTypes: ['import.finished'] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { code, details: { field: 'url' } } });
    expect(describeError('en', error as never).message).not.toBe(code);
  });

  it('checks the address again before each request', async () => {
    const hook = await endpointOn(() => 200);
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '');
    await emit();
    await deliverWebhooks(handle.db);
    expect(hook.received).toHaveLength(0);
    const [d] = await deliveriesOf(hook.endpointId);
    expect(d).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: 'webhook.urlNotHttps' });
  });

  it('does not enable an endpoint whose address is no longer allowed', async () => {
    const hook = await endpointOn(() => 200);
    const a = await admin();
    await a.webhooks.disable({ endpointId: hook.endpointId });
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '');
    await expect(a.webhooks.enable({ endpointId: hook.endpointId })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1');
    await expect(a.webhooks.enable({ endpointId: hook.endpointId })).resolves.toMatchObject({ status: 'active' });
  });
});

describe('an organization’s endpoints', () => {
  it('lists only its own, and refuses events its kind of organization never has', async () => {
    const hook = await endpointOn(() => 200);
    const other = await callerAs(handle.db, w.users['creditorB.admin']);
    expect((await other.webhooks.list({ limit: 50 })).items.map((e) => e.id)).not.toContain(hook.endpointId);
    expect((await (await admin()).webhooks.list({ limit: 50 })).items.map((e) => e.id)).toContain(hook.endpointId);
    await expect(
      (await admin()).webhooks.create({ url: hook.url, eventTypes: ['sanction.imposed'] }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const rows = await handle.db.select().from(webhookDeliveries);
    expect(rows.every((r) => r.endpointId)).toBe(true);
  });
});
