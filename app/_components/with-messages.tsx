import type { ReactNode } from 'react';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import { clientMessages, type MessageScope } from '@/server/i18n/client-messages';
import { getRequestLocale } from '@/server/i18n/request-locale';

/** Sends the browser only the message namespaces the client components of `scope` use. */
export const WithMessages = async ({ scope, children }: { scope: MessageScope; children: ReactNode }) => {
  const locale = await getRequestLocale();
  return (
    <MessagesProvider locale={locale} messages={clientMessages(locale, scope)}>
      {children}
    </MessagesProvider>
  );
};
