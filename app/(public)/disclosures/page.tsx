import type { Metadata } from 'next';
import { PublishedDisclosures } from '@/components/public/disclosures';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({
  title: (await getServerT())('disclosure.publicTitle'),
});

const DisclosuresPage = async () => {
  const t = await getServerT();
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="public-disclosures-title">
        {t('disclosure.publicTitle')}
      </h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t('disclosure.publicIntro')}</p>
      <PublishedDisclosures />
    </main>
  );
};

export default withMessages(DisclosuresPage, '(public)/disclosures/page');
