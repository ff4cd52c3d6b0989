import type { AbstractIntlMessages } from 'use-intl/core';
import type { Locale } from '@/lib/enums';
import scopes from './client-scopes.json';
import { MESSAGES } from './translate';

// The part of the catalog a page or layout sends to the browser: only the namespaces the client
// components under it use, as listed in client-scopes.json (npm run i18n:scopes writes it,
// scripts/client-messages.test.ts fails when it is stale). Server components translate with
// the whole catalog (request-locale.ts) and send text, not messages.

export type MessageScope = keyof typeof scopes;

type Catalog = AbstractIntlMessages;

const picked = new Map<string, Catalog>();

/** Whether the client components of `scope` translate anything. */
export const hasClientMessages = (scope: MessageScope) => scopes[scope].length > 0;

/** The namespaces of `scope` in the locale's catalog (built once per locale and scope). */
export const clientMessages = (locale: Locale, scope: MessageScope): Catalog => {
  const key = `${locale}:${scope}`;
  const cached = picked.get(key);
  if (cached) return cached;
  const all: Catalog = MESSAGES[locale];
  const out: Catalog = {};
  for (const ns of scopes[scope]) {
    const messages = all[ns];
    if (messages !== undefined) out[ns] = messages;
  }
  picked.set(key, out);
  return out;
};
