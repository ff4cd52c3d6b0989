'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { PageTitle } from '../ui/card';
import { CreditorScorecardView } from './creditor-scorecard-view';

/** The creditor's own scorecard: the latest month's breakdown (or a month picked from the trend) and the trend. */
export const OwnCreditorScorecard = () => {
  const t = useTranslations('creditorScores');
  const trpc = useTRPC();
  const [month, setMonth] = useState<string | null>(null);
  const query = useQuery(trpc.scorecards.creditors.mine.queryOptions({ month }));
  const error = errorInfo(query.error);
  return (
    <>
      <PageTitle title={t('mineTitle')} subtitle={t('mineSubtitle')} />
      {error ? <Alert testId="creditor-scorecard-error">{error.message}</Alert> : null}
      {query.data ? <CreditorScorecardView data={query.data} onMonth={setMonth} /> : null}
    </>
  );
};

/** Staff: one creditor's scorecard and its months. */
export const StaffCreditorScorecard = ({
  creditorId,
  initialMonth = null,
}: {
  creditorId: string;
  initialMonth?: string | null;
}) => {
  const t = useTranslations('creditorScores');
  const trpc = useTRPC();
  const [month, setMonth] = useState<string | null>(initialMonth);
  const query = useQuery(trpc.scorecards.creditors.get.queryOptions({ creditorId, month }));
  const error = errorInfo(query.error);
  return (
    <>
      <PageTitle
        title={query.data ? t('creditorTitle', { creditor: query.data.creditor.name }) : t('staffTitle')}
        subtitle={t('creditorSubtitle')}
        actions={
          <Link className="text-sm text-amber-700 underline" href="/staff/creditor-scorecards">
            {t('back')}
          </Link>
        }
      />
      {error ? <Alert testId="creditor-scorecard-error">{error.message}</Alert> : null}
      {query.data ? <CreditorScorecardView data={query.data} onMonth={setMonth} /> : null}
    </>
  );
};
