import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getSession } from '../auth/session';
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
  });
});

/** tRPC caller for server components: same procedures, same checks, no HTTP hop. */
export const getServerCaller = cache(async () => createCaller(await getServerContext()));
