// The changes an organization's systems hear of are written to the outbox in the change's own
// transaction, for each side that holds the case (the creditor and its agency), with ids,
// counts, amounts in fen and masked numbers only: never a debtor's name, ID or full number.
// They reach a real receiver signed, once each.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { cases, webhookEvents } from '@/db/schema';
import { decryptPii } from '../../pii/crypto';
import { importBytes, sampleCsv } from '../../testing/cases';
import { createTestDb } from '../../testing/db';
import { caseWithRepayment, inDaytimeZone, workingCases } from '../../testing/work';
import { buildWorld, callerAs, type World } from '../../testing/world';
import { WEBHOOK_EVENTS_FOR, type WebhookEventType } from '@/lib/webhook-events';
import { deliverWebhooks } from './deliver';
import { drainJobs } from '../../jobs/queue';
import { JOB_HANDLERS } from '../../jobs/handlers';
import { breakDuePromises } from '../work/promises';
import { banAgency, sanctionCiting, upheldComplaint } from '../../testing/sanctions';
import { shanghaiDate } from '@/lib/dates';

let handle: DbHandle;
let w: World;
let server: Server;
let url = '';
const received: { type: string; isVerified: boolean }[] = [];
const secrets: string[] = [];

beforeAll(async () => {
  vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1');
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  server = createServer((req, res) => {
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
      received.push({ type: (JSON.parse(body) as { type: string }).type, isVerified });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  for (const [who, events] of [
    ['creditorA.admin', WEBHOOK_EVENTS_FOR.creditor],
    ['agencyA.admin', WEBHOOK_EVENTS_FOR.agency],
  ] as const) {
    const admin = await callerAs(handle.db, w.users[who]);
    secrets.push((await admin.webhooks.create({ url, eventTypes: [...events] })).secret);
  }
});
afterAll(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await handle.close();
});

const eventsOf = async (org: 'creditorA' | 'agencyA', type: WebhookEventType) =>
  (
    await handle.db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.orgId, w.orgs[org].id), eq(webhookEvents.type, type)))
      .orderBy(webhookEvents.createdAt)
  ).map((e) => e.payload);

describe('events from the changes they report', () => {
  it('import.finished tells the creditor how its file ended', async () => {
    const good = await importBytes(w, 'creditorA.manager', sampleCsv(3, 'EVA'));
    const bad = await importBytes(w, 'creditorA.manager', 'not,a,case,file\n1,2,3,4\n');
    const events = await eventsOf('creditorA', 'import.finished');
    expect(events).toContainEqual({
      importId: good.id,
      kind: 'cases',
      status: 'succeeded',
      rowCount: 3,
      errorCount: 0,
    });
    expect(events).toContainEqual(expect.objectContaining({ importId: bad.id, status: 'failed' }));
    expect(await eventsOf('agencyA', 'import.finished')).toEqual([]);
  });

  it('package.awarded, case.assigned, action.logged, promise.created, repayment.* and case.recalled reach both sides', async () => {
    const { pkg, caseId, caseIds, row } = await workingCases(w, 3);
    expect(await eventsOf('creditorA', 'package.awarded')).toContainEqual(
      expect.objectContaining({ packageId: pkg.id, shares: [expect.objectContaining({ caseCount: 3 })] }),
    );
    expect(await eventsOf('agencyA', 'case.assigned')).toContainEqual(
      expect.objectContaining({ packageId: pkg.id, caseCount: 3 }),
    );

    await inDaytimeZone(w, caseId);
    const collector = await callerAs(handle.db, w.users['agencyA.collector']);
    const { action } = await collector.work.logAction({
      caseId,
      channel: 'call',
      target: 'debtor',
      index: 0,
      outcome: 'promise_to_pay',
      promiseAmount: 50_000,
      promiseDate: '2099-01-01',
      note: '答应月底还款',
    });
    for (const org of ['creditorA', 'agencyA'] as const) {
      expect(await eventsOf(org, 'action.logged')).toContainEqual(
        expect.objectContaining({ actionId: action.id, caseId, outcome: 'promise_to_pay', channel: 'call' }),
      );
      expect(await eventsOf(org, 'promise.created')).toContainEqual(
        expect.objectContaining({ caseId, actionId: action.id, amountFen: 50_000, dueDate: '2099-01-01' }),
      );
    }
    // Nothing that names the debtor leaves the platform: the number masked, no note, no name or ID.
    const [logged] = (await eventsOf('creditorA', 'action.logged')).filter((e) => e.actionId === action.id);
    const text = JSON.stringify(logged);
    expect(logged?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const phone = decryptPii(row?.phones[0]?.enc ?? '');
    expect(text).not.toContain(phone);
    expect(text).not.toContain('答应月底还款');
    const [debtor] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
    expect(text).not.toContain(debtor?.debtorName ?? '-');

    const repaid = await caseWithRepayment(w, true);
    for (const org of ['creditorA', 'agencyA'] as const) {
      expect(await eventsOf(org, 'repayment.reported')).toContainEqual(
        expect.objectContaining({ repaymentId: repaid.repaymentId, amountFen: 5_000 }),
      );
      expect(await eventsOf(org, 'repayment.confirmed')).toContainEqual(
        expect.objectContaining({ repaymentId: repaid.repaymentId, amountFen: 5_000, caseId: repaid.caseId }),
      );
    }

    const manager = await callerAs(handle.db, w.users['creditorA.manager']);
    await manager.cases.recall({ caseIds: caseIds.slice(0, 2), reason: '改为自催' });
    for (const org of ['creditorA', 'agencyA'] as const)
      expect(await eventsOf(org, 'case.recalled')).toContainEqual(
        expect.objectContaining({ count: 2, caseIds: expect.arrayContaining(caseIds.slice(0, 2)) }),
      );
  });

  it('promise.broken, complaint.filed, complaint.decided and sanction.imposed', async () => {
    const { caseId } = await workingCases(w, 1);
    await inDaytimeZone(w, caseId);
    const collector = await callerAs(handle.db, w.users['agencyA.collector']);
    // Two days ahead: not before today wherever the debtor's zone puts today.
    const dueDate = shanghaiDate(new Date(Date.now() + 2 * 86_400_000));
    const { action } = await collector.work.logAction({
      caseId,
      channel: 'call',
      target: 'debtor',
      index: 0,
      outcome: 'promise_to_pay',
      promiseAmount: 20_000,
      promiseDate: dueDate,
      note: '',
    });
    // Two days after its date a promise not met is broken.
    await breakDuePromises(handle.db, new Date(Date.now() + 5 * 86_400_000));
    for (const org of ['creditorA', 'agencyA'] as const)
      expect(await eventsOf(org, 'promise.broken')).toContainEqual(
        expect.objectContaining({ caseId, actionId: action.id, amountFen: 20_000, dueDate }),
      );

    const { complaintId, reference } = await upheldComplaint(w);
    expect(await eventsOf('creditorA', 'complaint.filed')).toContainEqual(
      expect.objectContaining({ complaintId, reference, category: 'threats' }),
    );
    // The agency is not told of a complaint when it is filed, nor ever who made it.
    expect(JSON.stringify(await eventsOf('agencyA', 'complaint.decided'))).not.toContain('13912345678');
    for (const org of ['creditorA', 'agencyA'] as const)
      expect(await eventsOf(org, 'complaint.decided')).toContainEqual(
        expect.objectContaining({ complaintId, reference, outcome: 'upheld' }),
      );
    const sanction = await sanctionCiting(w, complaintId, 'points');
    expect(await eventsOf('agencyA', 'sanction.imposed')).toContainEqual(
      expect.objectContaining({ sanctionId: sanction.id, kind: 'points', points: 6, complaintId }),
    );
  });

  it('an event refused with its change is never written', async () => {
    const before = (await eventsOf('agencyA', 'action.logged')).length;
    const collector = await callerAs(handle.db, w.users['agencyA.collector']);
    const { caseId } = await workingCases(w, 1);
    // The contact is refused (a promise date in the past): no action, no event.
    await expect(
      collector.work.logAction({
        caseId,
        channel: 'call',
        target: 'debtor',
        index: 0,
        outcome: 'promise_to_pay',
        promiseAmount: 100,
        promiseDate: '2000-01-01',
        note: '',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await eventsOf('agencyA', 'action.logged')).toHaveLength(before);
  });

  it('delivers every event to the receivers, signed, once', async () => {
    const written = await handle.db.select({ id: webhookEvents.id }).from(webhookEvents);
    await deliverWebhooks(handle.db);
    expect(received.length).toBe(written.length);
    expect(received.every((r) => r.isVerified)).toBe(true);
    await deliverWebhooks(handle.db);
    expect(received.length).toBe(written.length);
  });

  it('repayment.confirmed for each repayment the creditor’s repayment file confirms', async () => {
    const { caseId, repaymentId } = await caseWithRepayment(w, false);
    const [c] = await handle.db.select({ contractNo: cases.contractNo }).from(cases).where(eq(cases.id, caseId));
    const manager = await callerAs(handle.db, w.users['creditorA.manager']);
    const csv = `contract_no,amount,paid_on,reference\r\n${c?.contractNo},50.00,${shanghaiDate(new Date())},AZ-1\r\n`;
    const file = await manager.files.upload(new Blob([csv]));
    const imp = await manager.repayments.imports.start({ fileId: file.id, fileName: 'repayments.csv' });
    await drainJobs(handle.db, JOB_HANDLERS);
    expect(await manager.repayments.imports.get({ importId: imp.id })).toMatchObject({ status: 'succeeded' });
    for (const org of ['creditorA', 'agencyA'] as const)
      expect(await eventsOf(org, 'repayment.confirmed')).toContainEqual(
        expect.objectContaining({ repaymentId, caseId, amountFen: 5_000 }),
      );
  });

  // Last: the agency is banned for good.
  it('sanction.imposed when a second staff member approves a ban', async () => {
    const ban = await banAgency(w, 'agencyA');
    expect(await eventsOf('agencyA', 'sanction.imposed')).toContainEqual(
      expect.objectContaining({ sanctionId: ban.id, kind: 'ban' }),
    );
  });
});
