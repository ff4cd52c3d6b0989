import type { Locale } from '@/lib/enums';
import { getDb, type Db } from '@/db/client';
import type { Caller } from '../auth/actor';
import { getSession } from '../auth/session';
import { databaseFault, DomainError } from '../errors';
import { createInnerContext, localeFromHeaders, metaFromHeaders } from './context';
import { describeError, toTRPCError } from './errors';

// Route handlers for what cannot travel inside tRPC's JSON (file bytes, generated
// spreadsheets) act with the same session, the same actor and the same domain rules as
// every procedure; a refusal answers with the translated message and a matching status.

const STATUS: Record<string, number> = {
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  BAD_REQUEST: 400,
  SERVICE_UNAVAILABLE: 503,
};

const fail = (status: number, message: string) =>
  new Response(JSON.stringify({ error: message }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });

/** Runs `handle` as the session's caller, turning a domain refusal into a JSON error response. */
export const asRouteCaller = async (
  req: Request,
  handle: (db: Db, caller: Caller, locale: Locale) => Promise<Response>,
): Promise<Response> => {
  const ctx = await createInnerContext({
    db: getDb(),
    session: await getSession(),
    locale: localeFromHeaders(req.headers),
    meta: metaFromHeaders(req.headers),
  });
  const refuse = (e: DomainError) => {
    const error = toTRPCError(e);
    return fail(STATUS[error.code] ?? 500, describeError(ctx.locale, error).message);
  };
  if (!ctx.actor) return refuse(new DomainError(ctx.refusal ?? 'auth.signInRequired'));
  try {
    return await handle(ctx.db, { actor: ctx.actor, ...ctx.meta }, ctx.locale);
  } catch (e) {
    if (e instanceof DomainError) return refuse(e);
    const fault = databaseFault(e);
    if (fault) return refuse(new DomainError(fault, {}, { cause: e }));
    throw e;
  }
};

/** `attachment; filename*=…` for a download name in any script. */
export const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
