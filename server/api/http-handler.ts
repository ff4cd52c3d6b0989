import type { IncomingMessage, ServerResponse } from 'node:http';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import type { TRPCError } from '@trpc/server';
import type { Db } from '@/db/client';
import type { SessionClaims } from '../domain/auth/load-actor';
import { sessionFromCookies } from '../auth/session-token';
import { API_SECURITY_HEADERS } from '../http/api-headers';
import { debtorTokenOf } from '../http/debtor-cookie';
import { createInnerContext, localeFromHeaders, metaFromHeaders, transportOf, type HeaderReader } from './context';
import { appRouter } from './root';

export type HttpHandlerDeps = {
  db: Db;
  /** What the request's session token claims, or null without one. */
  session: () => Promise<SessionClaims | null>;
};

export const TRPC_ENDPOINT = '/api/trpc';

/** One request, one context: the session's actor, the caller's language and address, and the transport facts checked in server/api/trpc.ts. */
const contextOf = async (headers: HeaderReader, calls: number, { db, session }: HttpHandlerDeps, resHeaders: Headers) =>
  createInnerContext({
    db,
    session: await session(),
    locale: localeFromHeaders(headers),
    meta: metaFromHeaders(headers),
    transport: transportOf(headers, calls),
    debtorToken: debtorTokenOf(headers.get('cookie')),
    setCookie: (cookie) => resHeaders.append('set-cookie', cookie),
  });

const onError = ({ path, error }: { path: string | undefined; error: TRPCError }) => {
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    // The real error hides in `cause`; log it, never send it.
    console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
  } else if (error.code === 'SERVICE_UNAVAILABLE') {
    // The database dropped the connection; the caller was told to try again. The
    // driver's own error is logged, not the query wrapping it (its parameters hold PII).
    let lost: unknown = error.cause?.cause;
    while (lost instanceof Error && lost.cause instanceof Error) lost = lost.cause;
    const { code, message } =
      lost instanceof Error ? (lost as Error & { code?: unknown }) : { code: undefined, message: 'connection lost' };
    console.warn(`tRPC ${path ?? '?'}: database unavailable (${typeof code === 'string' ? `${code} ` : ''}${message})`);
  }
};

/**
 * The tRPC endpoint (/api/trpc) as a Next.js route handler: one request, one context, every
 * procedure's own checks, and the transport checks of server/api/trpc.ts (batch size, the
 * app's header and body type).
 */
export const handleTrpcRequest = (req: Request, deps: HttpHandlerDeps) =>
  fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: ({ info, resHeaders }) => contextOf(req.headers, info.calls.length, deps, resHeaders),
    onError,
  });

/** The session a Cookie header carries (next-auth's token, see server/auth/session-token.ts). */
export const sessionOfCookieHeader = (header: string | undefined): Promise<SessionClaims | null> => {
  const all: { name: string; value: string }[] = [];
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // Not percent-encoded as a cookie should be: kept as sent (it will not decrypt).
    }
    all.push({ name: part.slice(0, eq).trim(), value });
  }
  return sessionFromCookies({ getAll: () => all });
};

/** Whether a request to the app's server is for the tRPC endpoint. */
export const isTrpcRequest = (url: string | undefined): boolean => !!url && url.startsWith(`${TRPC_ENDPOINT}/`);

/**
 * The same endpoint answered straight on node:http by the app's server (scripts/serve.ts),
 * without Next.js's router in between, which does nothing for an API call but costs more
 * than the call itself: the same router, context, checks, errors and headers as the route
 * handler above. The answer (never streamed: the app's client batches, it does not stream)
 * goes out in one write with its length.
 */
export const handleTrpcNode = async (req: IncomingMessage, res: ServerResponse, db: () => Db): Promise<void> => {
  try {
    const response = await handleTrpcRequest(incomingMessageToRequest(req, res, { maxBodySize: null }), {
      db: db(),
      session: () => sessionOfCookieHeader(req.headers.cookie),
    });
    const body = Buffer.from(await response.arrayBuffer());
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
    for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value);
    // Each cookie in its own header (the debtor's session), never folded into one.
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.setHeader('set-cookie', cookies);
    res.setHeader('content-length', body.length);
    res.end(body);
  } catch (e) {
    console.error('tRPC request failed:', e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else res.destroy();
  }
};
