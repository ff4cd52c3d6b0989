// Webhook delivery throughput to a local receiver: events written to the outbox (in batches
// of transactions, as changes write them), then delivered by the worker's delivery lanes,
// each request signed (Standard Webhooks, HMAC-SHA256) and recorded with its attempt row.
// Prints events/s for writing and for delivering on 1 and 4 lanes, on PGlite and PostgreSQL;
// asserts nothing but that every event arrived once.
//
//   npx tsx bench/webhooks.ts
//   BENCH_WEBHOOK_EVENTS=5000 BENCH_DATABASE_URL=postgres://… npx tsx bench/webhooks.ts
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { webhookEndpoints } from '../db/schema';
import { makeOrg, makeUser } from '../db/seed/factories';
import { deliverWebhooks } from '../server/domain/webhooks/deliver';
import { emitEvent } from '../server/domain/webhooks/emit';
import { executeRows } from '../server/domain/shared/execute';
import { encryptPii } from '../server/pii/crypto';
import { benchPostgresUrl, openBenchDb, time } from './shared';

const EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 2_000);
const PER_TRANSACTION = 50;

// The receiver answers 200 at once: what is measured is the platform's side.
let received = 0;
const ids = new Set<string>();
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received += 1;
    ids.add(String(req.headers['webhook-id']));
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';

const seed = async (db: Db) => {
  const creditor = await makeOrg(db, { type: 'creditor', name: '基准委托方' });
  const admin = await makeUser(db, { orgId: creditor.id, role: 'admin', name: '管理员', passwordHash: 'x' });
  await db.insert(webhookEndpoints).values({
    orgId: creditor.id,
    url,
    eventTypes: ['action.logged'],
    secretSealed: encryptPii(`whsec_${Buffer.alloc(32, 1).toString('base64')}`),
    createdBy: admin.id,
  });
  return creditor.id;
};

const emitAll = async (db: Db, orgId: string) => {
  for (let i = 0; i < EVENTS; i += PER_TRANSACTION) {
    await db.transaction(async (tx) => {
      for (let j = i; j < Math.min(EVENTS, i + PER_TRANSACTION); j += 1)
        await emitEvent(tx, {
          orgId,
          type: 'action.logged',
          payload: { actionId: `bench-${j}`, caseId: 'bench', channel: 'call', outcome: 'answered' },
        });
    });
  }
};

const perSecond = (n: number, ms: number) => `${((n * 1000) / ms).toFixed(0).padStart(6)} events/s`;

const pgUrl = benchPostgresUrl();
for (const dbUrl of pgUrl ? [undefined, pgUrl] : [undefined]) {
  const { handle, drop } = await openBenchDb(dbUrl);
  try {
    await handle.migrate();
    const orgId = await seed(handle.db);
    console.log(`${handle.kind}: ${EVENTS.toLocaleString()} events to one endpoint on 127.0.0.1`);
    for (const lanes of [1, 4]) {
      received = 0;
      ids.clear();
      const [, emitMs] = await time(() => emitAll(handle.db, orgId));
      const [, deliverMs] = await time(() => deliverWebhooks(handle.db, { lanes, limit: Number.POSITIVE_INFINITY }));
      const [row] = await executeRows<{ n: number }>(
        handle.db,
        sql`select count(*)::int as n from webhook_deliveries where status = 'delivered'`,
      );
      console.log(
        `  written (${PER_TRANSACTION} a transaction)   ${perSecond(EVENTS, emitMs)}` +
          `   delivered on ${lanes} lane${lanes > 1 ? 's' : ' '} ${perSecond(EVENTS, deliverMs)}` +
          `   (received ${received}, distinct ids ${ids.size}, delivered in all ${row?.n ?? 0})`,
      );
    }
  } finally {
    await handle.close();
    await drop();
  }
}
server.close();
