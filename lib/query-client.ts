import { QueryClient, type Query } from '@tanstack/react-query';
import { transformer } from './transformer';

// One QueryClient shape for the browser (components/trpc/react.tsx) and for the server's
// prefetch (server/api/server-query.ts): queries a server component prefetched travel to the
// browser through the same superjson transformer as a tRPC answer, so Dates stay Dates.

/** Errors the client does not try again: asking again gets the same answer. */
const FINAL = /UNAUTHORIZED|FORBIDDEN|NOT_FOUND/;

/** When each answer the server sent with the page reached the browser's cache (the browser's clock). */
const hydratedAt = new WeakMap<object, number>();
/** How long an answer that came with the page counts as just asked, whatever the list's staleTime. */
const JUST_HYDRATED_MS = 3_000;

const deserializeData = (data: unknown): unknown => {
  const value = transformer.output.deserialize(data as Parameters<typeof transformer.output.deserialize>[0]);
  if (value !== null && typeof value === 'object') hydratedAt.set(value, Date.now());
  return value;
};

/**
 * Lists that must be fresh (staleTime 0) still take the rows the server just sent with the
 * page instead of asking for them again as the screen mounts; later mounts refetch as before.
 */
const refetchOnMount = (query: Query) => {
  const data: unknown = query.state.data;
  const at = data !== null && typeof data === 'object' ? hydratedAt.get(data) : undefined;
  return at === undefined || Date.now() - at > JUST_HYDRATED_MS;
};

export const makeQueryClient = ({ isServer = false } = {}) =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnMount,
        // On the server a failed prefetch is left to the browser, which asks again and shows its own error.
        retry: isServer
          ? false
          : (count, error) => count < 2 && !FINAL.test(String((error as { data?: { code?: string } }).data?.code)),
      },
      dehydrate: { serializeData: transformer.output.serialize },
      hydrate: { deserializeData },
    },
  });

/** What a tRPC options proxy's `queryOptions(…)` and `infiniteQueryOptions(…)` build: typed there, taken as they are here. */
export type Prefetchable = { queryKey: readonly unknown[]; initialPageParam?: unknown };

/**
 * Runs the queries into the client's cache (an infinite list its first page). One that fails
 * (FORBIDDEN, NOT_FOUND, the database busy) stays out of the cache and out of what is dehydrated:
 * the browser asks again and shows its own error.
 */
export const prefetchAll = async (client: QueryClient, queries: readonly Prefetchable[]) => {
  await Promise.all(
    queries.map((q) =>
      'initialPageParam' in q
        ? client.prefetchInfiniteQuery(q as Parameters<QueryClient['prefetchInfiniteQuery']>[0])
        : client.prefetchQuery(q as Parameters<QueryClient['prefetchQuery']>[0]),
    ),
  );
};
