import type { Db } from '@/db/client';
import type { Locale } from '@/db/enums';
import type { Actor, RequestMeta } from '../auth/actor';
import { loadActor } from '../domain/auth/load-actor';
import { databaseFault, type DomainErrorCode } from '../errors';
import { clientAddress, trustedProxyHops } from '../http/client-address';
import { localeFromCookieHeader } from '../i18n/translate';

export type Context = {
  db: Db;
  actor: Actor | null;
  /** Why a session that names a user still has no actor (disabled user, blocked organization). */
  refusal: DomainErrorCode | null;
  locale: Locale;
  meta: RequestMeta;
};

export type ContextInput = { db: Db; userId: string | null; locale: Locale; meta: RequestMeta };

export const createInnerContext = async ({ db, userId, locale, meta }: ContextInput): Promise<Context> => {
  if (!userId) return { db, actor: null, refusal: null, locale, meta };
  try {
    const lookup = await loadActor(db, userId);
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
  // The socket address, or the entry the trusted proxies added (server/http/client-address.ts).
  ip: clientAddress(headers, trustedProxyHops()),
  userAgent: headers.get('user-agent'),
});

export const localeFromHeaders = (headers: Headers): Locale => localeFromCookieHeader(headers.get('cookie'));
