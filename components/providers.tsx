'use client';

import type { ReactNode } from 'react';
import type { AbstractIntlMessages } from 'use-intl';
import type { Locale } from '@/lib/enums';
import { MessagesProvider } from './i18n/messages-provider';
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
  <MessagesProvider locale={locale} messages={messages}>
    <TRPCReactProvider>{children}</TRPCReactProvider>
  </MessagesProvider>
);
