// Over HTTP, through the app's tRPC endpoint (server/api/http-handler.ts):
// - a change is made only by the app's own pages: a JSON body (the file itself for an
//   upload) and the header the app's client sends, which a form or a script on another
//   site cannot send without the browser asking this server first (and it says no);
// - one request holds at most MAX_BATCH calls, and calls open to anyone travel alone, so
//   one anonymous request cannot run 40 sign-ups.
// Server components and route handlers call procedures without HTTP and are not affected.
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { admissionApplications, organizations, storedFiles } from '@/db/schema';
import { creditCodeFor } from '@/db/seed/factories';
import { samplePdf } from '@/db/seed/sample-pdf';
import { createTestDb } from '../testing/db';
import { buildWorld, callerAs, type World } from '../testing/world';
import { handleTrpcRequest } from './http-handler';
import { ANONYMOUS_PROCEDURES, CSRF_HEADER, MAX_BATCH } from './transport.schema';
import { appRouter } from './root';

let handle: DbHandle;
let w: World;

beforeAll(async () => {
  handle = await createTestDb();
  w = await buildWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
});

type Answer = { status: number; body: unknown };
type Shape = {
  error?: { json: { message: string; data: { domainCode: string | null; httpStatus: number } } };
  result?: { data: { json: unknown } };
};

const send = async (path: string, init: RequestInit, userId: string | null = null): Promise<Answer> => {
  const res = await handleTrpcRequest(new Request(`http://localhost/api/trpc/${path}`, init), {
    db: handle.db,
    session: async () => (userId ? { userId, sessionVersion: 0 } : null),
  });
  return { status: res.status, body: await res.json() };
};
const one = (a: Answer) => a.body as Shape;
const all = (a: Answer) => a.body as Shape[];
const domainCode = (s: Shape) => s.error?.json.data.domainCode ?? null;

const APP = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };

const statusOf = async (id: string) =>
  (
    await handle.db
      .select({ s: admissionApplications.status })
      .from(admissionApplications)
      .where(eq(admissionApplications.id, id))
  )[0]?.s;

describe('changes come only from the app', () => {
  const applicant = () => w.users['creditorNew.admin'].id;

  it('refuses a form posted from another site to submit, renew or reapply', async () => {
    for (const path of [
      'admission.application.submit',
      'admission.application.startRenewal',
      'admission.application.reapply',
    ]) {
      const form = new FormData();
      form.set('anything', '1');
      const answer = await send(path, { method: 'POST', body: form }, applicant());
      expect([path, answer.status, domainCode(one(answer))]).toEqual([path, 415, 'request.contentType']);
    }
    expect(await statusOf(w.applications.creditorNew)).toBe('draft');
  });

  it('refuses JSON without the app header, in the caller language', async () => {
    const zh = await send(
      'admission.application.submit',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      applicant(),
    );
    expect(zh.status).toBe(403);
    expect(domainCode(one(zh))).toBe('request.csrf');
    expect(one(zh).error?.json.message).toBe('请求不是从本平台页面发出的，请刷新页面后重试');
    const en = await send(
      'admission.application.submit',
      { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'daylight-locale=en' }, body: '{}' },
      applicant(),
    );
    expect(one(en).error?.json.message).toBe(
      'This request did not come from a Daylight page. Reload the page and try again',
    );
    expect(await statusOf(w.applications.creditorNew)).toBe('draft');
  });

  it('refuses raw bytes to anything but an upload', async () => {
    const answer = await send(
      'admission.application.submit',
      {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', [CSRF_HEADER]: '1' },
        body: new Uint8Array([1]),
      },
      applicant(),
    );
    expect([answer.status, domainCode(one(answer))]).toEqual([415, 'request.contentType']);
    expect(await statusOf(w.applications.creditorNew)).toBe('draft');
  });

  it('takes the app own request', async () => {
    const answer = await send(
      'admission.application.submit',
      { method: 'POST', headers: APP, body: '{}' },
      applicant(),
    );
    expect(answer.status).toBe(200);
    expect(await statusOf(w.applications.creditorNew)).toBe('submitted');
  });

  it('takes an upload as the app sends it, and only with the header', async () => {
    const pdf = new Blob([new Uint8Array(samplePdf(['transport']))]);
    const before = (await handle.db.select({ id: storedFiles.id }).from(storedFiles)).length;
    const forged = await send(
      'files.upload',
      { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: pdf },
      w.users['creditorA.admin'].id,
    );
    expect([forged.status, domainCode(one(forged))]).toEqual([403, 'request.csrf']);
    expect((await handle.db.select({ id: storedFiles.id }).from(storedFiles)).length).toBe(before);
    const ok = await send(
      'files.upload',
      { method: 'POST', headers: { 'content-type': 'application/octet-stream', [CSRF_HEADER]: '1' }, body: pdf },
      w.users['creditorA.admin'].id,
    );
    expect(ok.status).toBe(200);
  });

  it('leaves server-side calls alone', async () => {
    // A server component's caller: no HTTP request, no header to check.
    const me = await (await callerAs(handle.db, w.users['agencyA.admin'])).me.get();
    expect(me.userId).toBe(w.users['agencyA.admin'].id);
  });
});

describe('batched calls', () => {
  const signUp = (n: number) => ({
    type: 'agency',
    orgName: `批量注册机构${n}`,
    creditCode: creditCodeFor(9000 + n, '310115'),
    adminName: '赵国栋',
    email: `batch${n}@apply.test`,
  });
  const batch = (path: string, n: number, input: (i: number) => unknown) => ({
    path: `${Array.from({ length: n }, () => path).join(',')}?batch=1`,
    body: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: input(i) }]))),
  });
  const signedUp = async () =>
    (
      await handle.db
        .select({ id: organizations.id })
        .from(organizations)
        .where(like(organizations.name, '批量注册机构%'))
    ).length;

  it('refuses 40 anonymous sign-ups in one request, before any runs', async () => {
    const b = batch('admission.signUp', 40, signUp);
    const answer = await send(b.path, { method: 'POST', headers: APP, body: b.body });
    expect(all(answer)).toHaveLength(40);
    expect(new Set(all(answer).map(domainCode))).toEqual(new Set(['request.batchTooLarge']));
    expect(all(answer)[0]?.error?.json.message).toBe(`一次请求最多包含 ${MAX_BATCH} 个调用`);
    expect(await signedUp()).toBe(0);
  });

  it('refuses even two calls open to anyone in one request', async () => {
    const b = batch('admission.signUp', 2, signUp);
    const answer = await send(b.path, { method: 'POST', headers: APP, body: b.body });
    expect(all(answer).map(domainCode)).toEqual(['request.batchNotAllowed', 'request.batchNotAllowed']);
    expect(await signedUp()).toBe(0);
    const lists = await send(
      `public.agencies.admitted,public.agencies.banned?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: { limit: 5 } }, 1: { json: { limit: 5 } } }))}`,
      { method: 'GET' },
    );
    expect(all(lists).map(domainCode)).toEqual(['request.batchNotAllowed', 'request.batchNotAllowed']);
    // One at a time, as the app's client sends them.
    const single = await send('admission.signUp', {
      method: 'POST',
      headers: APP,
      body: JSON.stringify({ json: signUp(1) }),
    });
    expect(single.status).toBe(200);
    expect(await signedUp()).toBe(1);
  });

  it(`takes up to ${MAX_BATCH} signed-in calls in one request, not more`, async () => {
    const user = w.users['creditorA.viewer'].id;
    const input = (n: number) => `me.get${',me.get'.repeat(n - 1)}?batch=1&input=${encodeURIComponent('{}')}`;
    const ok = await send(input(MAX_BATCH), { method: 'GET' }, user);
    expect(ok.status).toBe(200);
    expect(all(ok).every((r) => r.result !== undefined)).toBe(true);
    const tooMany = await send(input(MAX_BATCH + 1), { method: 'GET' }, user);
    expect(new Set(all(tooMany).map(domainCode))).toEqual(new Set(['request.batchTooLarge']));
  });

  it('names every procedure open to anyone, so the app client sends them alone', () => {
    const open = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { meta?: { anonymous?: boolean } } }>,
    )
      .filter(([, p]) => p._def.meta?.anonymous)
      .map(([path]) => path)
      .sort();
    expect(open.length).toBeGreaterThan(5);
    expect([...ANONYMOUS_PROCEDURES].sort()).toEqual(open);
  });
});
