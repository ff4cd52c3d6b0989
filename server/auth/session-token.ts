import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import type { JWT } from 'next-auth/jwt';
import type { SessionClaims } from '../domain/auth/load-actor';
import { authSecret } from '../env';

// Reads the signed-in user from next-auth's session cookie the way next-auth does (an
// A256GCM JWE under a key derived from NEXTAUTH_SECRET by HKDF), without its session
// endpoint's round trip: getServerSession runs the whole auth handler per call, derives the
// key twice (decode, then re-encode) and builds a refreshed cookie. Outside next-auth's own
// route that cookie goes nowhere (in server components and route handlers next-auth drops
// it, and the app has no client session polling), so the session never slides: it ends
// SESSION_MAX_AGE_S after sign-in, as the token's own expiry says. Reading only keeps
// exactly that. The key is derived once per secret and process.

type CookieSource = { getAll(): { name: string; value: string }[] };

const keys = new Map<string, Uint8Array>();

/** next-auth's derived encryption key (jwt/index.js `getDerivedEncryptionKey`, empty salt). */
const keyFor = (secret: string): Uint8Array => {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    keys.set(secret, key);
  }
  return key;
};

/**
 * next-auth's default session cookie name (options.ts names no cookies of its own and leaves
 * `useSecureCookies` to next-auth): `__Secure-` prefixed when the site is served over https.
 */
export const sessionCookieName = (): string =>
  `${(process.env.NEXTAUTH_URL ?? '').startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;

/** The session token, joined from its chunks when next-auth had to split it (as next-auth's SessionStore does). */
export const sessionTokenOf = (cookies: CookieSource, name = sessionCookieName()): string | null => {
  const chunks = cookies.getAll().filter((c) => c.name.startsWith(name));
  if (chunks.length === 0) return null;
  const suffix = (n: string) => parseInt(n.split('.').pop() ?? '0');
  return chunks
    .sort((a, b) => suffix(a.name) - suffix(b.name))
    .map((c) => c.value)
    .join('');
};

const CLOCK_TOLERANCE_S = 15;

/**
 * Tokens already opened, by their exact text: a signed-in user sends the same token with
 * every request until it expires, and opening it (AES-GCM) costs more than the rest of a
 * small request's own work. Only a token that decrypted and verified is kept, under the
 * secret it was opened with, and its expiry is checked again on every use. Bounded: the
 * oldest entries go first.
 */
const opened = new Map<string, { secret: string; claims: JWT; expiresAtS: number }>();
const MAX_OPENED = 10_000;

const notExpired = (expiresAtS: number) => Date.now() / 1000 <= expiresAtS + CLOCK_TOLERANCE_S;

/** The token's claims, or null when it is missing, forged, sealed under another secret or expired (15 s tolerance, as next-auth). */
export const decodeSessionToken = async (token: string | null, secret: string): Promise<JWT | null> => {
  if (!token) return null;
  const known = opened.get(token);
  if (known && known.secret === secret) {
    if (notExpired(known.expiresAtS)) return known.claims;
    opened.delete(token);
    return null;
  }
  try {
    const { payload } = await jwtDecrypt(token, keyFor(secret), { clockTolerance: CLOCK_TOLERANCE_S });
    // next-auth always sets an expiry; a token without one is read but not kept.
    if (typeof payload.exp === 'number') {
      if (opened.size >= MAX_OPENED) opened.delete(opened.keys().next().value as string);
      opened.set(token, { secret, claims: payload as JWT, expiresAtS: payload.exp });
    }
    return payload as JWT;
  } catch {
    return null;
  }
};

export type { SessionClaims };

/**
 * The session the token names, as the session callback in options.ts exposes it: only a
 * token carrying the whole identity (user, organization, its type and the role) and the
 * user's session version at sign-in counts. A token from before session versions names no
 * session: its holder signs in again.
 */
export const sessionOfToken = (token: JWT | null): SessionClaims | null =>
  token &&
  typeof token.uid === 'string' &&
  token.uid &&
  token.orgId &&
  token.orgType &&
  token.role &&
  Number.isInteger(token.sv)
    ? { userId: token.uid, sessionVersion: token.sv as number }
    : null;

export const sessionFromCookies = async (cookies: CookieSource): Promise<SessionClaims | null> =>
  sessionOfToken(await decodeSessionToken(sessionTokenOf(cookies), authSecret()));
