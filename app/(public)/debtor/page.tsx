import type { Metadata } from 'next';
import { DebtorOverviewView } from '@/components/debtor/debtor-overview';
import { DebtorVerify } from '@/components/debtor/debtor-verify';
import { getServerCaller, getServerContext } from '@/server/api/server-caller';
import { getServerT } from '@/server/i18n/request-locale';
import { withMessages } from '../../_components/with-messages';

export const generateMetadata = async (): Promise<Metadata> => ({ title: (await getServerT())('debtor.title') });

/** The debtor's own page: the way in without an account, then their case as the session's cookie names it. */
const DebtorPage = async () => {
  const t = await getServerT();
  // Asked only when the browser holds a debtor cookie: a first visit is not a refused call.
  const caller = (await getServerContext()).debtorToken ? await getServerCaller() : null;
  const [overview, plan] = caller
    ? await Promise.all([caller.debtor.overview().catch(() => null), caller.debtor.plan().catch(() => null)])
    : [null, null];
  return (
    <main className="mx-auto max-w-md px-4 py-6 md:py-10">
      <h1 className="text-xl font-semibold text-slate-900" data-testid="debtor-title">
        {t('debtor.title')}
      </h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{overview ? t('debtor.introSignedIn') : t('debtor.intro')}</p>
      {overview ? <DebtorOverviewView overview={overview} plan={plan} /> : <DebtorVerify />}
    </main>
  );
};

export default withMessages(DebtorPage, '(public)/debtor/page');
