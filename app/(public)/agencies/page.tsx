import type { Metadata } from 'next';
import { AgencyLists } from '@/components/public/agency-lists';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getServerT())('publicLists.title') });

const AgenciesPage = async () => {
  const t = await getServerT();
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="public-lists-title">
        {t('publicLists.title')}
      </h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t('publicLists.intro')}</p>
      <AgencyLists />
    </main>
  );
};

export default withMessages(AgenciesPage, '(public)/agencies/page');
