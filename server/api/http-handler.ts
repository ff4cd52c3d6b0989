import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Db } from '@/db/client';
import type { SessionClaims } from '../domain/auth/load-actor';
import { createInnerContext, localeFromHeaders, metaFromHeaders, transportOf } from './context';
import { appRouter } from './root';

export type HttpHandlerDeps = {
  db: Db;
  /** What the request's session token claims, or null without one. */
  session: () => Promise<SessionClaims | null>;
};

/**
 * The tRPC endpoint (/api/trpc): one request, one context, every procedure's own checks,
 * and the transport checks of server/api/trpc.ts (batch size, the app's header and body type).
 */
export const handleTrpcRequest = (req: Request, { db, session }: HttpHandlerDeps) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async ({ info }) =>
      createInnerContext({
        db,
        session: await session(),
        locale: localeFromHeaders(req.headers),
        meta: metaFromHeaders(req.headers),
        transport: transportOf(req.headers, info.calls.length),
      }),
    onError: ({ path, error }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        // The real error hides in `cause`; log it, never send it.
        console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
      } else if (error.code === 'SERVICE_UNAVAILABLE') {
        // The database dropped the connection; the caller was told to try again. The
        // driver's own error is logged, not the query wrapping it (its parameters hold PII).
        let lost: unknown = error.cause?.cause;
        while (lost instanceof Error && lost.cause instanceof Error) lost = lost.cause;
        const { code, message } = lost instanceof Error ? (lost as Error & { code?: unknown }) : { code: undefined, message: 'connection lost' };
        console.warn(`tRPC ${path ?? '?'}: database unavailable (${typeof code === 'string' ? `${code} ` : ''}${message})`);
      }
    },
  });
