import type { ReactNode } from 'react';
import { getServerT } from '@/server/i18n/request-locale';
import { WithMessages } from '../_components/with-messages';
import { PublicHeader } from './_components/public-header';

const PublicLayout = async ({ children }: { children: ReactNode }) => {
  const t = await getServerT();
  return (
    <WithMessages scope="(public)/layout">
      <div className="flex min-h-screen flex-col">
        <PublicHeader />
        <div className="flex-1">{children}</div>
        <footer className="border-t border-slate-200 bg-white py-4 text-center text-xs text-slate-500">
          {t('landing.footer')}
        </footer>
      </div>
    </WithMessages>
  );
};

export default PublicLayout;
