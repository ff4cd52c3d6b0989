// The baselines of the case list: a bare node:http handler on the same database with a pool
// of the app's size, as a fixed creditor user, with no Next.js, no tRPC, no session token,
// no validation and no superjson:
//   /cases          the list's own domain function alone (its one statement);
//   /cases/session  the same SQL as the app's request: the request's user read afresh by the
//                   app's own function (as every request of a session is), then the list.
import { createServer } from 'node:http';
import { openPostgres } from '../../db/client';
import { ZCreditorCasesInput } from '../../server/api/routers/cases/cases.schema';
import { loadActor, loadUserActor, readUser } from '../../server/domain/auth/load-actor';
import { listCreditorCases } from '../../server/domain/cases/case-lists';
import { LIST_INPUT } from './endpoints';

const url = process.env.DATABASE_URL;
const userId = process.env.BENCH_RAW_USER_ID;
if (!url || !userId) throw new Error('DATABASE_URL and BENCH_RAW_USER_ID are required');

const { db } = openPostgres(url);
const { actor } = await loadUserActor(db, userId);
if (!actor) throw new Error(`user ${userId} cannot act`);
const caller = { actor, ip: null, userAgent: 'raw' };
const input = ZCreditorCasesInput.parse(LIST_INPUT);
const session = { userId, sessionVersion: (await readUser(db, userId))?.sessionVersion ?? 0 };

const page = async (withSession: boolean) => {
  if (!withSession) return listCreditorCases(db, caller, input);
  const lookup = await loadActor(db, session);
  if (!lookup.actor) throw new Error(`session refused: ${lookup.refusal}`);
  return listCreditorCases(db, { ...caller, actor: lookup.actor }, input);
};

const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.end('ok');
    return;
  }
  page(req.url === '/cases/session').then(
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
