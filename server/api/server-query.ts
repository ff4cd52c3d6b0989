import 'server-only';
import { dehydrate } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { cache } from 'react';
import { makeQueryClient, prefetchAll, type Prefetchable } from '@/lib/query-client';
import { appRouter } from './root';
import { getServerContext } from './server-caller';

// First paint from the server: a page prefetches the queries its client screen asks for,
// through the same procedures and checks as the server caller, and hands them to the
// browser's cache (app/_components/hydrate.tsx), so the page arrives with its rows.

/** One QueryClient per request. */
export const getServerQueryClient = cache(() => makeQueryClient({ isServer: true }));

/** The client's `useTRPC()` on the server: the same query keys, answered in process. */
export const serverTrpc = createTRPCOptionsProxy({
  router: appRouter,
  ctx: getServerContext,
  queryClient: getServerQueryClient,
});

/**
 * Runs the queries (`serverTrpc.….queryOptions(…)` or `.infiniteQueryOptions(…)`) into the
 * request's cache. A query that fails (FORBIDDEN, NOT_FOUND, the database busy) is left out:
 * the browser asks again and shows its own error, as without the prefetch.
 */
export const prefetch = (...queries: Prefetchable[]) => prefetchAll(getServerQueryClient(), queries);

/** The request's prefetched queries, serialized by the app's transformer, for the browser. */
export const dehydratedQueries = () => dehydrate(getServerQueryClient());
