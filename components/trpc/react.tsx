'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import { makeQueryClient } from '@/lib/query-client';
import type { AppRouter } from '@/server/api/root';
import { ANONYMOUS_PROCEDURES, CSRF_HEADER, MAX_BATCH } from '@/server/api/transport.schema';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

const ANONYMOUS = new Set(ANONYMOUS_PROCEDURES);
const APP_HEADERS = { [CSRF_HEADER]: '1' };

export const TRPCReactProvider = ({ children }: { children: ReactNode }) => {
  const [queryClient] = useState(() => makeQueryClient());
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // The server takes at most MAX_BATCH calls a request, and a call open to anyone only on
        // its own; every call carries the header that marks it as the app's own (CSRF_HEADER).
        splitLink({
          condition: (op) => ANONYMOUS.has(op.path),
          true: httpLink({ url: '/api/trpc', transformer: superjson, headers: APP_HEADERS }),
          false: httpBatchLink({ url: '/api/trpc', transformer: superjson, maxItems: MAX_BATCH, headers: APP_HEADERS }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
};
