import type { Db } from '@/db/client';
import type { Locale } from '@/db/enums';
import type { Actor, RequestMeta } from '../auth/actor';
import { loadActor, type SessionClaims } from '../domain/auth/load-actor';
import { databaseFault, type DomainErrorCode } from '../errors';
import { localeFromCookieHeader } from '../i18n/translate';

export type Context = {
  db: Db;
  actor: Actor | null;
  /** Why a session that names a user still has no actor (disabled user, blocked organization, session ended). */
  refusal: DomainErrorCode | null;
  locale: Locale;
  meta: RequestMeta;
};

/** `session`: what the request's session token claims (server/auth/session-token.ts), or null without one. */
export type ContextInput = { db: Db; session: SessionClaims | null; locale: Locale; meta: RequestMeta };

export const createInnerContext = async ({ db, session, locale, meta }: ContextInput): Promise<Context> => {
  if (!session) return { db, actor: null, refusal: null, locale, meta };
  try {
    const lookup = await loadActor(db, session);
    return { db, actor: lookup.actor, refusal: lookup.refusal, locale, meta };
  } catch (e) {
    // The database is busy or dropped the connection: the caller is told to try again (503) in its
    // own language, the same way as a refusal, rather than getting a server fault.
    const fault = databaseFault(e);
    if (fault) return { db, actor: null, refusal: fault, locale, meta };
    throw e;
  }
};

export const metaFromHeaders = (headers: Headers): RequestMeta => ({
  // Behind the load balancer the client address is the first X-Forwarded-For entry.
  ip: headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || null,
  userAgent: headers.get('user-agent'),
});

export const localeFromHeaders = (headers: Headers): Locale => localeFromCookieHeader(headers.get('cookie'));
