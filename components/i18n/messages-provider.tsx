'use client';

import type { ReactNode } from 'react';
import { IntlProvider, type AbstractIntlMessages } from 'use-intl';
import { SHANGHAI_TIME_ZONE } from '@/lib/dates';
import type { Locale } from '@/lib/enums';

/** The messages the client components below it translate with (a layout picks them: app/_components/with-messages.tsx). */
export const MessagesProvider = ({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: AbstractIntlMessages;
  children: ReactNode;
}) => (
  <IntlProvider locale={locale} messages={messages} timeZone={SHANGHAI_TIME_ZONE}>
    {children}
  </IntlProvider>
);
