import { HydrationBoundary } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { dehydratedQueries } from '@/server/api/server-query';

/** Hands the queries the page prefetched (server/api/server-query.ts) to the browser's cache. */
export const Hydrate = ({ children }: { children: ReactNode }) => (
  <HydrationBoundary state={dehydratedQueries()}>{children}</HydrationBoundary>
);
