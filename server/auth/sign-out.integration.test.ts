// Sign-out ends the session on the server, not only in the browser: a session token
// copied before sign-out (from a shared computer, a proxy log, a stolen cookie) is refused
// on its next request, though its own 8-hour expiry has not come. The flow goes through
// next-auth's own handler (CSRF token, credentials callback, sign-out) with the app's options.
import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth/next';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DbHandle } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { makeOrg, makeUser } from '@/db/seed/factories';
import { createInnerContext } from '../api/context';
import { createCaller } from '../api/root';
import { createTestDb } from '../testing/db';
import { TEST_PASSWORD, callerAs, testPasswordHash } from '../testing/world';
import { authOptionsFor } from './options';
import { sessionFromCookies } from './session-token';

const META = { ip: '198.51.100.77', userAgent: 'vitest sign-out' };

let handle: DbHandle;
let n = 0;

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(() => {
  vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

type Jar = Map<string, string>;

/** One request to next-auth's handler (the pages-API form of the same core), keeping cookies like a browser. */
const nextAuth = async (jar: Jar, method: 'GET' | 'POST', path: string[], body?: Record<string, string>) => {
  const headers: Record<string, string | string[]> = {};
  let sent: unknown;
  const res = {
    statusCode: 200,
    status(code: number) {
      res.statusCode = code;
      return res;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: string | string[]) => {
      headers[name.toLowerCase()] = value;
    },
    json: (b: unknown) => {
      sent = b;
    },
    send: (b: unknown) => {
      sent = b;
    },
    end: () => undefined,
  };
  const req = {
    method,
    query: { nextauth: path },
    body: body ? { ...body, json: 'true' } : undefined,
    cookies: Object.fromEntries(jar),
    headers: {
      host: 'localhost:3000',
      'x-forwarded-for': META.ip,
      'user-agent': META.userAgent,
      'content-type': 'application/x-www-form-urlencoded',
    },
  };
  // The options the auth route builds per request: this database, this browser's address.
  const options = authOptionsFor({ db: () => handle.db, meta: META });
  await (NextAuth as unknown as (req: unknown, res: unknown, options: unknown) => Promise<void>)(req, res, options);
  const setCookies = headers['set-cookie'];
  for (const line of Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : []) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const value = decodeURIComponent(pair.slice(at + 1));
    if (value === '' || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return sent as Record<string, string> | undefined;
};

const csrfToken = async (jar: Jar) => (await nextAuth(jar, 'GET', ['csrf']))?.csrfToken ?? '';

/** Signs in through the credentials form; the jar then holds the session cookie. */
const signIn = async (jar: Jar, email: string, password = TEST_PASSWORD) => {
  const csrf = await csrfToken(jar);
  await nextAuth(jar, 'POST', ['callback', 'credentials'], { csrfToken: csrf, email, password });
};

/** Signs out as the sign-out button does (next-auth/react posts the CSRF token to /api/auth/signout). */
const signOut = async (jar: Jar) => {
  const csrf = await csrfToken(jar);
  await nextAuth(jar, 'POST', ['signout'], { csrfToken: csrf });
};

const SESSION_COOKIE = 'next-auth.session-token';
const cookiesOf = (entries: [string, string][]) => ({
  getAll: () => entries.map(([name, value]) => ({ name, value })),
});

/** What a request carrying just this session cookie gets: the tRPC context the route builds from it. */
const callerWith = async (token: string) =>
  createCaller(
    await createInnerContext({
      db: handle.db,
      session: await sessionFromCookies(cookiesOf([[SESSION_COOKIE, token]])),
      locale: 'zh-CN',
      meta: META,
    }),
  );

const freshUser = async (orgId?: string) => {
  n += 1;
  const org = orgId ?? (await makeOrg(handle.db, { type: 'creditor' })).id;
  return makeUser(handle.db, {
    orgId: org,
    role: 'manager',
    email: `signout${n}@example.cn`,
    passwordHash: await testPasswordHash(),
  });
};

/** Signs in and returns the session token, as one would copy it out of the browser. */
const tokenOf = async (email: string, password = TEST_PASSWORD) => {
  const jar: Jar = new Map();
  await signIn(jar, email, password);
  return jar.get(SESSION_COOKIE) ?? '';
};

describe('sign-out', () => {
  it('refuses a session token captured before sign-out on its next request; signing in again works', async () => {
    const user = await freshUser();
    const browser: Jar = new Map();
    await signIn(browser, user.email);
    const copied = browser.get(SESSION_COOKIE);
    expect(copied).toBeTruthy();
    await expect((await callerWith(copied ?? '')).me.get()).resolves.toMatchObject({ userId: user.id });

    await signOut(browser);
    expect(browser.has(SESSION_COOKIE)).toBe(false);

    await expect((await callerWith(copied ?? '')).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.sessionEnded' },
    });

    // The sign-out is a state change: it has its audit row, with the browser's address.
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.resourceId, user.id));
    expect(rows.filter((r) => r.action === 'auth.signOut')).toEqual([
      expect.objectContaining({
        actorUserId: user.id,
        orgId: user.orgId,
        resourceType: 'session',
        ip: META.ip,
        userAgent: META.userAgent,
      }),
    ]);

    await signIn(browser, user.email);
    const fresh = browser.get(SESSION_COOKIE);
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(copied);
    await expect((await callerWith(fresh ?? '')).me.get()).resolves.toMatchObject({ userId: user.id });
    await expect((await callerWith(copied ?? '')).me.get()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('ends every session of the user, on other devices too, and a second sign-out with an old token changes nothing', async () => {
    const user = await freshUser();
    const laptop: Jar = new Map();
    const phone: Jar = new Map();
    await signIn(laptop, user.email);
    await signIn(phone, user.email);
    const onPhone = phone.get(SESSION_COOKIE) ?? '';
    await signOut(laptop);
    await expect((await callerWith(onPhone)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.sessionEnded' },
    });

    // Signing out with the dead token (e.g. the phone's button later) writes nothing more.
    await signOut(phone);
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.resourceId, user.id));
    expect(rows.filter((r) => r.action === 'auth.signOut')).toHaveLength(1);
  });
});

describe('other revocations', () => {
  it('disabling a user ends their sessions for good: enabling the account again does not revive an old token', async () => {
    const user = await freshUser();
    const admin = await makeUser(handle.db, {
      orgId: user.orgId,
      role: 'admin',
      email: `admin-of-${user.email}`,
      passwordHash: await testPasswordHash(),
    });
    const copied = await tokenOf(user.email);
    await (await callerAs(handle.db, admin)).org.users.disable({ userId: user.id });
    await expect((await callerWith(copied)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.accountDisabled' },
    });

    // An operator enables the account again (there is no screen for it): the old token stays dead.
    await handle.db.update(users).set({ disabledAt: null }).where(eq(users.id, user.id));
    await expect((await callerWith(copied)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.sessionEnded' },
    });
    await expect((await callerWith(await tokenOf(user.email))).me.get()).resolves.toMatchObject({ userId: user.id });
  });

  it("an organization's suspension ends its users' sessions: reinstated, the old tokens stay refused", async () => {
    const platform = await makeOrg(handle.db, { type: 'platform' });
    const staff = await makeUser(handle.db, {
      orgId: platform.id,
      role: 'admin',
      email: `staff${n}@platform.example.cn`,
      passwordHash: await testPasswordHash(),
    });
    const user = await freshUser();
    const copied = await tokenOf(user.email);
    const asStaff = await callerAs(handle.db, staff);
    await asStaff.staff.orgs.setStatus({ orgId: user.orgId, status: 'suspended', reason: '投诉调查期间暂停' });
    await expect((await callerWith(copied)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.orgBlocked' },
    });

    await asStaff.staff.orgs.setStatus({ orgId: user.orgId, status: 'active', reason: '调查结束，恢复' });
    await expect((await callerWith(copied)).me.get()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      cause: { code: 'auth.sessionEnded' },
    });
    await expect((await callerWith(await tokenOf(user.email))).me.get()).resolves.toMatchObject({ userId: user.id });
  });

  it('a password change ends every session of the user, this one included; the new password signs in, the old one not', async () => {
    const user = await freshUser();
    const elsewhere = await tokenOf(user.email);
    const here = await tokenOf(user.email);
    const NEW_PASSWORD = 'a-new-and-long-passphrase';
    await (await callerWith(here)).me.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });

    for (const token of [elsewhere, here]) {
      await expect((await callerWith(token)).me.get()).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
        cause: { code: 'auth.sessionEnded' },
      });
    }
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.resourceId, user.id))
      .then((rows) => rows.filter((r) => r.action === 'user.changePassword'));
    expect(audit).toMatchObject({ actorUserId: user.id, orgId: user.orgId, ip: META.ip });
    expect(await tokenOf(user.email)).toBe('');
    await expect((await callerWith(await tokenOf(user.email, NEW_PASSWORD))).me.get()).resolves.toMatchObject({
      userId: user.id,
    });
  });

  it('refuses a password change with the wrong current password, naming the field, and changes nothing', async () => {
    const user = await freshUser();
    const token = await tokenOf(user.email);
    await expect(
      (await callerWith(token)).me.changePassword({
        currentPassword: 'not-the-password',
        newPassword: 'a-new-and-long-passphrase',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { code: 'user.wrongPassword', details: { field: 'currentPassword' } },
    });
    await expect((await callerWith(token)).me.get()).resolves.toMatchObject({ userId: user.id });
    expect(await tokenOf(user.email)).not.toBe('');
  });
});
