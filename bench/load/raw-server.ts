// The baseline of the case list: a bare node:http handler that runs the list's own domain
// function (the same SQL) on the same database with a pool of the app's size, as a fixed
// creditor user: no Next.js, no tRPC, no session, no actor lookup per request.
import { createServer } from 'node:http';
import { openPostgres } from '../../db/client';
import { ZCreditorCasesInput } from '../../server/api/routers/cases/cases.schema';
import { loadUserActor } from '../../server/domain/auth/load-actor';
import { listCreditorCases } from '../../server/domain/cases/placement';
import { LIST_INPUT } from './endpoints';

const url = process.env.DATABASE_URL;
const userId = process.env.BENCH_RAW_USER_ID;
if (!url || !userId) throw new Error('DATABASE_URL and BENCH_RAW_USER_ID are required');

const { db } = openPostgres(url);
const { actor } = await loadUserActor(db, userId);
if (!actor) throw new Error(`user ${userId} cannot act`);
const caller = { actor, ip: null, userAgent: 'raw' };
const input = ZCreditorCasesInput.parse(LIST_INPUT);

const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.end('ok');
    return;
  }
  listCreditorCases(db, caller, input).then(
    (page) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(page));
    },
    (e: unknown) => {
      console.error(e);
      res.writeHead(500);
      res.end();
    },
  );
});
server.listen(Number(process.env.BENCH_RAW_PORT ?? 3301));
