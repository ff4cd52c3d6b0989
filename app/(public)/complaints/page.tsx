import type { Metadata } from 'next';
import Link from 'next/link';
import { PublicComplaintForm } from '@/components/complaints/public-complaint';
import { getServerCaller, getServerContext } from '@/server/api/server-caller';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({
  title: (await getServerT())('complaints.publicTitle'),
});

const PublicComplaintPage = async () => {
  const t = await getServerT();
  // A debtor who verified on their own page complains about that loan without the details again.
  const verified = (await getServerContext()).debtorToken
    ? await (await getServerCaller()).debtor.complaintCase().catch(() => null)
    : null;
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900" data-testid="public-complaint-title">
        {t('complaints.publicTitle')}
      </h1>
      <p className="mb-2 mt-1 text-sm text-slate-600">{t('complaints.publicIntro')}</p>
      <p className="mb-6 text-sm">
        <Link href="/complaints/status" className="text-amber-700 underline">
          {t('complaints.followLink')}
        </Link>
      </p>
      <PublicComplaintForm verified={verified} />
    </main>
  );
};

export default withMessages(PublicComplaintPage, '(public)/complaints/page');
