'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { PageTitle } from '../ui/card';
import { ScorecardView } from './scorecard-view';

/** The agency's own scorecard: the latest month's breakdown (or a month picked from the trend) and the trend. */
export const AgencyScorecard = () => {
  const t = useTranslations('scorecards');
  const trpc = useTRPC();
  const [month, setMonth] = useState<string | null>(null);
  const query = useQuery(trpc.scorecards.mine.queryOptions({ month }));
  const error = errorInfo(query.error);
  return (
    <>
      <PageTitle title={t('mineTitle')} subtitle={t('mineSubtitle')} />
      {error ? <Alert testId="scorecard-error">{error.message}</Alert> : null}
      {query.data ? <ScorecardView data={query.data} onMonth={setMonth} /> : null}
    </>
  );
};
