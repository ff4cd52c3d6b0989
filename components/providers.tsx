'use client';

import type { ReactNode } from 'react';
import { IntlProvider, type AbstractIntlMessages } from 'use-intl';
import { SHANGHAI_TIME_ZONE } from '@/lib/dates';
import type { Locale } from '@/lib/enums';
import { TRPCReactProvider } from './trpc/react';

export const Providers = ({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: AbstractIntlMessages;
  children: ReactNode;
}) => (
  <IntlProvider locale={locale} messages={messages} timeZone={SHANGHAI_TIME_ZONE}>
    <TRPCReactProvider>{children}</TRPCReactProvider>
  </IntlProvider>
);
