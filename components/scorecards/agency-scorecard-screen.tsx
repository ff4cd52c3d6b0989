'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { PageTitle } from '../ui/card';
import { ScorecardView } from './scorecard-view';

/** One agency's scorecard as a creditor that deals with it, or platform staff, read it. */
export const AgencyScorecardScreen = ({
  agencyId,
  initialMonth = null,
}: {
  agencyId: string;
  initialMonth?: string | null;
}) => {
  const t = useTranslations('scorecards');
  const trpc = useTRPC();
  const router = useRouter();
  const [month, setMonth] = useState<string | null>(initialMonth);
  const query = useQuery(trpc.scorecards.get.queryOptions({ agencyId, month }));
  const error = errorInfo(query.error);
  return (
    <>
      <PageTitle
        title={query.data ? t('agencyTitle', { agency: query.data.agency.name }) : t('title')}
        subtitle={t('agencySubtitle')}
        actions={
          <button type="button" className="text-sm text-amber-700 underline" onClick={() => router.back()}>
            {t('back')}
          </button>
        }
      />
      {error ? <Alert testId="scorecard-error">{error.message}</Alert> : null}
      {query.data ? <ScorecardView data={query.data} onMonth={setMonth} /> : null}
    </>
  );
};
