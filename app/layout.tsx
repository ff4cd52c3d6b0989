import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { getRequestLocale } from '@/server/i18n/request-locale';
import { clientMessages } from '@/server/i18n/client-messages';
import { getTranslate } from '@/server/i18n/translate';
import './globals.css';

export const generateMetadata = async (): Promise<Metadata> => {
  const t = getTranslate(await getRequestLocale());
  return {
    title: { default: t('common.product'), template: `%s · ${t('common.product')}` },
    description: t('landing.tagline'),
  };
};

const RootLayout = async ({ children }: { children: ReactNode }) => {
  const locale = await getRequestLocale();
  return (
    <html lang={locale}>
      <body className="bg-slate-50 text-slate-900 antialiased">
        <Providers locale={locale} messages={clientMessages(locale, 'layout')}>
          {children}
        </Providers>
      </body>
    </html>
  );
};

export default RootLayout;
