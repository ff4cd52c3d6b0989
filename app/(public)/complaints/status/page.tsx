import type { Metadata } from 'next';
import { FollowComplaint } from '@/components/complaints/public-complaint';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({
  title: (await getServerT())('complaints.followTitle'),
});

const FollowComplaintPage = async () => {
  const t = await getServerT();
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="follow-title">
        {t('complaints.followTitle')}
      </h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">{t('complaints.followIntro')}</p>
      <FollowComplaint />
    </main>
  );
};

export default withMessages(FollowComplaintPage, '(public)/complaints/status/page');
