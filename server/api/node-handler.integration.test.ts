// The tRPC endpoint as the app's server answers it in production (scripts/serve.ts), straight
// on node:http: the same answers, checks and headers as the route handler Next.js serves, the
// session read from the request's own cookie, and the client address from the socket.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog } from '@/db/schema';
import { PEER_STAMPED_ENV } from '../http/client-address';
import { stampingPeer } from '../http/peer';
import { DEBTOR_COOKIE } from '@/lib/debtor';
import { importBytes, sampleCsv } from '../testing/cases';
import { verifiedDebtor } from '../testing/debtor';
import { workingCases } from '../testing/work';
import { createTestDb } from '../testing/db';
import { buildWorld, type World } from '../testing/world';
import { handleTrpcNode, handleTrpcRequest, isTrpcRequest, sessionOfCookieHeader } from './http-handler';
import { CSRF_HEADER } from './transport.schema';

const SECRET = 'a-secret-for-the-node-endpoint-tests-0123456789abcdef';

let handle: DbHandle;
let w: World;
let server: Server;
let port = 0;

beforeAll(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', SECRET);
  vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
  handle = await createTestDb();
  w = await buildWorld(handle.db);
  // Cases to list: their dates travel with superjson's annotations.
  await importBytes(w, 'creditorA.manager', sampleCsv(3));
  server = createServer(
    stampingPeer((req, res) => {
      if (isTrpcRequest(req.url)) void handleTrpcNode(req, res, () => handle.db);
      else {
        res.statusCode = 404;
        res.end();
      }
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
  delete process.env[PEER_STAMPED_ENV];
  vi.unstubAllEnvs();
});

const cookieOf = async (key: keyof World['users'], secret = SECRET) => {
  const user = w.users[key];
  const token = await encode({
    token: {
      uid: user.id,
      orgId: user.orgId,
      orgType: key.startsWith('creditor') ? 'creditor' : 'agency',
      role: user.role,
      sv: 0,
    },
    secret,
    maxAge: 600,
  });
  return `daylight-locale=en; next-auth.session-token=${token}`;
};

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

// node:http rather than fetch: fetch would refuse to send some of these headers as given.
const send = (
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });

const listPath = `/api/trpc/cases.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 5 } }))}`;

describe('the tRPC endpoint on the app server', () => {
  it('answers as the route handler does, in one piece with its length and the API headers', async () => {
    const cookie = await cookieOf('creditorA.manager');
    const direct = await send(listPath, { headers: { cookie } });
    expect(direct.status).toBe(200);
    expect(direct.headers['content-length']).toBe(String(Buffer.byteLength(direct.body)));
    expect(direct.headers['transfer-encoding']).toBeUndefined();
    expect(direct.headers['content-type']).toMatch(/^application\/json/);
    expect(direct.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(direct.headers['x-frame-options']).toBe('DENY');
    expect(direct.headers['x-content-type-options']).toBe('nosniff');
    const viaRoute = await handleTrpcRequest(new Request(`http://localhost${listPath}`, { headers: { cookie } }), {
      db: handle.db,
      session: () => sessionOfCookieHeader(cookie),
    });
    expect(direct.body).toBe(await viaRoute.text());
    expect(JSON.parse(direct.body).result.data.json.items.length).toBe(3);
    expect(JSON.parse(direct.body).result.data.meta.values['items.0.createdAt']).toEqual(['Date']);
  });

  it('is anonymous without a session, or with a token sealed under another secret, in the caller language', async () => {
    const none = await send(listPath, { headers: { cookie: 'daylight-locale=en' } });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.json.message).toMatch(/sign in/i);
    const foreign = await send(listPath, {
      headers: { cookie: await cookieOf('creditorA.manager', `${SECRET}-elsewhere`) },
    });
    expect(foreign.status).toBe(401);
    const zh = await send(listPath);
    expect(JSON.parse(zh.body).error.json.message).toMatch(/登录/);
  });

  it('keeps the checks of every call: the app header for a change, the wrong portal refused', async () => {
    const cookie = await cookieOf('creditorA.manager');
    const noHeader = await send('/api/trpc/cases.recall', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{"json":{}}',
    });
    expect([noHeader.status, JSON.parse(noHeader.body).error.json.data.domainCode]).toEqual([403, 'request.csrf']);
    const agency = await send(listPath, { headers: { cookie: await cookieOf('agencyA.admin') } });
    expect(agency.status).toBe(403);
    const unknown = await send('/api/trpc/cases.nothingHere', { headers: { cookie, [CSRF_HEADER]: '1' } });
    expect(unknown.status).toBe(404);
  });

  it('answers a batch, and reads a path with a trailing slash as the route handler does', async () => {
    const cookie = await cookieOf('creditorA.manager');
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { limit: 1 } }, 1: { json: { limit: 2 } } }));
    const batch = await send(`/api/trpc/cases.list,cases.list?batch=1&input=${input}`, { headers: { cookie } });
    expect(batch.status).toBe(200);
    expect((JSON.parse(batch.body) as unknown[]).length).toBe(2);
    const slash = await send(listPath.replace('cases.list?', 'cases.list/?'), { headers: { cookie } });
    expect(slash.status).toBe(200);
  });

  it('records the socket address of a refused call, whatever X-Forwarded-For says', async () => {
    const cookie = await cookieOf('agencyA.admin');
    const before = await handle.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.denied'), eq(auditLog.resourceId, 'cases.list')));
    await send(listPath, { headers: { cookie, 'x-forwarded-for': '203.0.113.77' } });
    const rows = await handle.db
      .select({ id: auditLog.id, ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.denied'), eq(auditLog.resourceId, 'cases.list')));
    const added = rows.filter((r) => !before.some((b) => b.id === r.id));
    expect(added.map((r) => r.ip)).toEqual(['127.0.0.1']);
  });
});

describe('the debtor’s session cookie on the app server', () => {
  it('is read from the request and set in the answer, each cookie in its own header', async () => {
    const { row } = await workingCases(w, 2);
    if (!row) throw new Error('no case');
    const { token } = await verifiedDebtor(w, row);
    const overviewPath = '/api/trpc/debtor.overview';
    const seen = await send(overviewPath, { headers: { cookie: `daylight-locale=en; ${DEBTOR_COOKIE}=${token}` } });
    expect(seen.status).toBe(200);
    expect(JSON.parse(seen.body).result.data.json.contractNo).toBe(row.contractNo);
    const out = await send('/api/trpc/debtor.signOut', {
      method: 'POST',
      headers: { cookie: `${DEBTOR_COOKIE}=${token}`, 'content-type': 'application/json', [CSRF_HEADER]: '1' },
      body: '{"json":null}',
    });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']).toEqual([`${DEBTOR_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`]);
    expect((await send(overviewPath, { headers: { cookie: `${DEBTOR_COOKIE}=${token}` } })).status).toBe(401);
  });
});

describe('the session cookie header', () => {
  it('joins a split token and ignores other cookies and stray text', async () => {
    const user = w.users['creditorA.viewer'];
    const token = await encode({
      token: { uid: user.id, orgId: user.orgId, orgType: 'creditor', role: user.role, sv: 0 },
      secret: SECRET,
      maxAge: 600,
    });
    const half = Math.floor(token.length / 2);
    const header = `a=1; broken; next-auth.session-token.1=${token.slice(half)}; next-auth.session-token.0=${token.slice(0, half)}; b=%E0%A4%A`;
    expect(await sessionOfCookieHeader(header)).toEqual({ userId: user.id, sessionVersion: 0 });
    expect(await sessionOfCookieHeader(undefined)).toBeNull();
    expect(await sessionOfCookieHeader('next-auth.session-token=')).toBeNull();
  });
});
