import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getDb } from '@/db/client';
import { createInnerContext, localeFromHeaders, metaFromHeaders } from '@/server/api/context';
import { appRouter } from '@/server/api/root';
import { getSession } from '@/server/auth/session';

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () =>
      createInnerContext({
        db: getDb(),
        session: await getSession(),
        locale: localeFromHeaders(req.headers),
        meta: metaFromHeaders(req.headers),
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

export { handler as GET, handler as POST };
