'use client';

import type { ReactNode } from 'react';
import { IntlProvider, type AbstractIntlMessages } from 'use-intl';
import type { Locale } from '@/lib/enums';
import { TRPCReactProvider } from './trpc/react';

export const Providers = ({ locale, messages, children }: { locale: Locale; messages: AbstractIntlMessages; children: ReactNode }) => (
  <IntlProvider locale={locale} messages={messages} timeZone="Asia/Shanghai">
    <TRPCReactProvider>{children}</TRPCReactProvider>
  </IntlProvider>
);
