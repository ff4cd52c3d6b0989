import type { ComponentType, ReactNode } from 'react';
import { MessagesProvider } from '@/components/i18n/messages-provider';
import { clientMessages, hasClientMessages, type MessageScope } from '@/server/i18n/client-messages';
import { getRequestLocale } from '@/server/i18n/request-locale';

/**
 * Sends the browser only the message namespaces the client components of `scope` use (a page
 * or a layout, server/i18n/client-scopes.json): the client components below read those.
 */
export const WithMessages = async ({ scope, children }: { scope: MessageScope; children: ReactNode }) => {
  const locale = await getRequestLocale();
  return (
    <MessagesProvider locale={locale} messages={clientMessages(locale, scope)}>
      {children}
    </MessagesProvider>
  );
};

/**
 * Every page's default export: the page with the messages of its own client components
 * (`export default withMessages(CasesPage, 'creditor/cases/page')`, the page's path under app/).
 * A page without client components that translate sends none.
 */
export const withMessages = <P extends object>(Page: ComponentType<P>, scope: MessageScope) => {
  if (!hasClientMessages(scope)) return Page;
  const PageWithMessages = (props: P) => (
    <WithMessages scope={scope}>
      <Page {...props} />
    </WithMessages>
  );
  return PageWithMessages;
};
