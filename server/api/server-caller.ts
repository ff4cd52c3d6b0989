import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getSession } from '../auth/session';
import { debtorTokenOf } from '../http/debtor-cookie';
import { createInnerContext, localeFromHeaders, metaFromHeaders } from './context';
import { createCaller } from './root';

/** The request's tRPC context for server components, built once per request. */
export const getServerContext = cache(async () => {
  const h = await headers();
  return createInnerContext({
    db: getDb(),
    session: await getSession(),
    locale: localeFromHeaders(h),
    meta: metaFromHeaders(h),
    // A server component only reads: the debtor's page asks who the cookie names, it never sets one.
    debtorToken: debtorTokenOf(h.get('cookie')),
  });
});

/** tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const getServerCaller = cache(async () => createCaller(await getServerContext()));
