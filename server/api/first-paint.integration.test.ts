// First paint from the server (server/api/server-query.ts): a page prefetches its screen's
// query through the app's router with the request's context, dehydrates it with the tRPC
// transformer, and the browser's cache finds it under the key the screen builds, Dates intact,
// without asking again as the screen mounts. A refused prefetch stays out of what is sent.
import { dehydrate, hydrate, type Query } from '@tanstack/react-query';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { creditorCasesInput } from '@/components/cases/queries';
import { orgsInput } from '@/components/staff/queries';
import { paged, pagedFresh } from '@/components/trpc/paging';
import { makeQueryClient, prefetchAll } from '@/lib/query-client';
import { readUser } from '../domain/auth/load-actor';
import { importBytes, sampleCsv } from '../testing/cases';
import { freshWorldPerTest } from '../testing/lifecycle';
import { META, type UserKey } from '../testing/world';
import { createInnerContext } from './context';
import { appRouter, type AppRouter } from './root';

const ctx = freshWorldPerTest();

/** serverTrpc as a page of `key` has it: the app's router, that user's context, a server QueryClient. */
const serverAs = (key: UserKey) => {
  const queryClient = makeQueryClient({ isServer: true });
  const user = ctx.w.users[key];
  const trpc = createTRPCOptionsProxy<AppRouter>({
    router: appRouter,
    ctx: async () => {
      const sessionVersion = (await readUser(ctx.handle.db, user.id))?.sessionVersion ?? 0;
      return createInnerContext({
        db: ctx.handle.db,
        session: { userId: user.id, sessionVersion },
        locale: 'zh-CN',
        meta: META,
      });
    },
    queryClient,
  });
  return { queryClient, trpc };
};

/** The browser's side: its QueryClient and useTRPC()'s proxy (keys only: nothing is fetched here). */
const browser = () => {
  const queryClient = makeQueryClient();
  const trpc = createTRPCOptionsProxy<AppRouter>({
    client: createTRPCClient<AppRouter>({
      links: [httpLink({ url: 'http://localhost/api/trpc', transformer: superjson })],
    }),
    queryClient,
  });
  return { queryClient, trpc };
};

/** What the page sends: the dehydrated state as plain JSON, as it travels in the page. */
const overTheWire = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

describe('first paint from the server', () => {
  it('the creditor case list arrives in the browser cache under the screen’s key, with Dates, and is not fetched again on mount', async () => {
    await importBytes(ctx.w, 'creditorA.manager', sampleCsv(3, 'FP'));
    const server = serverAs('creditorA.manager');
    await prefetchAll(server.queryClient, [
      server.trpc.cases.list.infiniteQueryOptions(creditorCasesInput(), pagedFresh),
    ]);
    const state = overTheWire(dehydrate(server.queryClient));
    expect(state.queries).toHaveLength(1);

    const client = browser();
    hydrate(client.queryClient, state);
    const { queryKey } = client.trpc.cases.list.infiniteQueryOptions(creditorCasesInput({}), pagedFresh);
    const data = client.queryClient.getQueryData(queryKey);
    expect(data?.pages[0]?.items.map((c) => c.contractNo).sort()).toEqual([
      expect.stringMatching(/^FP/),
      expect.stringMatching(/^FP/),
      expect.stringMatching(/^FP/),
    ]);
    expect(data?.pages[0]?.items[0]?.createdAt).toBeInstanceOf(Date);

    // The screen mounting right away takes the rows it got; a list the browser fetched itself refetches (staleTime 0).
    const refetchOnMount = client.queryClient.getDefaultOptions().queries?.refetchOnMount as (q: Query) => boolean;
    const hydrated = client.queryClient.getQueryCache().find({ queryKey });
    expect(hydrated && refetchOnMount(hydrated)).toBe(false);
    client.queryClient.setQueryData(
      queryKey,
      (old) => old && { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.slice(1) })) },
    );
    expect(hydrated && refetchOnMount(hydrated)).toBe(true);
  });

  it('a prefetch the caller is refused is left out, and the others still go', async () => {
    const server = serverAs('creditorA.manager');
    await expect(
      prefetchAll(server.queryClient, [
        server.trpc.staff.orgs.list.infiniteQueryOptions(orgsInput(), paged),
        server.trpc.cases.list.infiniteQueryOptions(creditorCasesInput(), pagedFresh),
      ]),
    ).resolves.toBeUndefined();
    const state = dehydrate(server.queryClient);
    expect(state.queries.map((q) => q.queryKey[0])).toEqual([['cases', 'list']]);
    // The refused one is not retried on the server: it failed once, as FORBIDDEN.
    const refused = server.queryClient.getQueryCache().find({ queryKey: [['staff', 'orgs', 'list']], exact: false });
    expect(refused?.state.status).toBe('error');
    expect(refused?.state.fetchFailureCount).toBe(1);
    expect((refused?.state.error as { code?: string } | null)?.code).toBe('FORBIDDEN');
  });
});
