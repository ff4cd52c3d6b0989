import type { Db } from '@/db/client';
import type { Locale } from '@/lib/enums';
import type { Actor, RequestMeta } from '../auth/actor';
import { loadActor, type SessionClaims } from '../domain/auth/load-actor';
import { databaseFault, type DomainErrorCode } from '../errors';
import { clientAddress, trustedProxyHops } from '../http/client-address';
import { localeFromCookieHeader } from '../i18n/translate';
import { CSRF_HEADER } from './transport.schema';

export type Context = {
  db: Db;
  actor: Actor | null;
  /** Why a session that names a user still has no actor (disabled user, blocked organization, session ended). */
  refusal: DomainErrorCode | null;
  locale: Locale;
  meta: RequestMeta;
  /** How the call arrived over HTTP (checked in server/api/trpc.ts); null for server-side callers. */
  transport: Transport | null;
  /** The debtor session token the request's cookie carries (server/http/debtor-cookie.ts), or null. */
  debtorToken: string | null;
  /** Adds a Set-Cookie header to the answer (the debtor's session); server-side callers collect or drop it. */
  setCookie: (cookie: string) => void;
};

/** What an HTTP request to /api/trpc says about itself, for the checks every procedure makes. */
export type Transport = {
  /** Calls in the request (1 unless batched). */
  calls: number;
  /** The media type of the body, lower case, without parameters; null without a body type. */
  contentType: string | null;
  /** Whether the app client's own header (CSRF_HEADER) came with the request. */
  fromApp: boolean;
};

/** `session`: what the request's session token claims (server/auth/session-token.ts), or null without one. */
export type ContextInput = {
  db: Db;
  session: SessionClaims | null;
  locale: Locale;
  meta: RequestMeta;
  transport?: Transport | null;
  debtorToken?: string | null;
  setCookie?: (cookie: string) => void;
};

export const createInnerContext = async ({
  db,
  session,
  locale,
  meta,
  transport = null,
  debtorToken = null,
  setCookie = () => undefined,
}: ContextInput): Promise<Context> => {
  const base = { db, locale, meta, transport, debtorToken, setCookie };
  if (!session) return { ...base, actor: null, refusal: null };
  try {
    const lookup = await loadActor(db, session);
    return { ...base, actor: lookup.actor, refusal: lookup.refusal };
  } catch (e) {
    // The database is busy or dropped the connection: the caller is told to try again (503) in its
    // own language, the same way as a refusal, rather than getting a server fault.
    const fault = databaseFault(e);
    if (fault) return { ...base, actor: null, refusal: fault };
    throw e;
  }
};

/** Request headers, as a fetch Request or Next.js's headers() gives them. */
export type HeaderReader = { get(name: string): string | null };

/** The transport facts of an HTTP request carrying `calls` calls. */
export const transportOf = (headers: HeaderReader, calls: number): Transport => ({
  calls,
  contentType: headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() || null,
  fromApp: headers.get(CSRF_HEADER) === '1',
});

export const metaFromHeaders = (headers: HeaderReader): RequestMeta => ({
  // The socket address, or the entry the trusted proxies added (server/http/client-address.ts).
  ip: clientAddress(headers, trustedProxyHops()),
  userAgent: headers.get('user-agent'),
});

export const localeFromHeaders = (headers: HeaderReader): Locale => localeFromCookieHeader(headers.get('cookie'));
