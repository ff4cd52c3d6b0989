// Options shared by a screen's list query and the page that prefetches it on the server
// (server/api/server-query.ts): both must build the same query, or the browser asks again.

/** A keyset-paged list: the next page's cursor, if there is one. */
export const paged = { getNextPageParam: (last: { nextCursor?: string | null }) => last.nextCursor ?? undefined };

/** A keyset-paged list read afresh each time its screen opens. */
export const pagedFresh = { ...paged, staleTime: 0 };
