import { encode, type JWT } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeSessionToken,
  sessionCookieName,
  sessionFromCookies,
  sessionOfToken,
  sessionTokenOf,
} from './session-token';

const SECRET = 'a-test-secret-of-enough-length-for-next-auth-0123456789';
const identity: JWT = {
  name: '张三',
  email: 'zhang@example.com',
  uid: 'user-1',
  orgId: 'org-1',
  orgType: 'creditor',
  role: 'manager',
  sv: 3,
};
const jar = (cookies: Record<string, string>) => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('session token', () => {
  it('reads the token next-auth sealed, with the same secret', async () => {
    const token = await encode({ token: identity, secret: SECRET, maxAge: 60 });
    const claims = await decodeSessionToken(token, SECRET);
    expect(claims).toMatchObject(identity);
    expect(sessionOfToken(claims)).toEqual({ userId: 'user-1', sessionVersion: 3 });
  });

  it('treats an expired, forged or foreign token as anonymous', async () => {
    const expired = await encode({ token: identity, secret: SECRET, maxAge: -60 });
    expect(await decodeSessionToken(expired, SECRET)).toBeNull();
    const foreign = await encode({ token: identity, secret: `${SECRET}-other`, maxAge: 60 });
    expect(await decodeSessionToken(foreign, SECRET)).toBeNull();
    expect(await decodeSessionToken('not-a-token', SECRET)).toBeNull();
    expect(await decodeSessionToken(null, SECRET)).toBeNull();
  });

  it('refuses a token it has already read once it expires, and under another secret', async () => {
    const token = await encode({ token: identity, secret: SECRET, maxAge: 60 });
    expect(await decodeSessionToken(token, SECRET)).toMatchObject(identity);
    expect(await decodeSessionToken(token, `${SECRET}-other`)).toBeNull();
    vi.useFakeTimers({ now: Date.now() + 60_000 + 14_000 });
    try {
      // Within next-auth's 15 s of clock tolerance: still good.
      expect(await decodeSessionToken(token, SECRET)).toMatchObject(identity);
      vi.setSystemTime(Date.now() + 2_000);
      expect(await decodeSessionToken(token, SECRET)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('names no user for a token without the whole identity', () => {
    expect(sessionOfToken({ uid: 'user-1', orgId: 'org-1', orgType: 'creditor', sv: 0 })).toBeNull();
    expect(sessionOfToken({ sub: 'user-1' })).toBeNull();
    expect(sessionOfToken(null)).toBeNull();
  });

  it('names no session for a token without a session version (issued before sessions could be ended): its holder signs in again', () => {
    const { sv: _sv, ...old } = identity;
    expect(sessionOfToken(old)).toBeNull();
    expect(sessionOfToken({ ...identity, sv: '3' as unknown as number })).toBeNull();
    expect(sessionOfToken({ ...identity, sv: 0 })).toEqual({ userId: 'user-1', sessionVersion: 0 });
  });

  it('uses the secure cookie name over https', () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://daylight.example.com');
    expect(sessionCookieName()).toBe('__Secure-next-auth.session-token');
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    expect(sessionCookieName()).toBe('next-auth.session-token');
  });

  it('joins a token next-auth split into chunks, and ignores other cookies', () => {
    const name = 'next-auth.session-token';
    expect(sessionTokenOf(jar({ [`${name}.1`]: 'def', [`${name}.0`]: 'abc', locale: 'en' }), name)).toBe('abcdef');
    expect(sessionTokenOf(jar({ [name]: 'whole' }), name)).toBe('whole');
    expect(sessionTokenOf(jar({ '__Secure-next-auth.session-token': 'x' }), name)).toBeNull();
  });

  it('reads the user from the request cookies with the app secret', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', SECRET);
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    const token = await encode({ token: identity, secret: SECRET, maxAge: 60 });
    expect(await sessionFromCookies(jar({ 'next-auth.session-token': token }))).toEqual({
      userId: 'user-1',
      sessionVersion: 3,
    });
    expect(await sessionFromCookies(jar({ '__Secure-next-auth.session-token': token }))).toBeNull();
    expect(await sessionFromCookies(jar({}))).toBeNull();
  });
});
