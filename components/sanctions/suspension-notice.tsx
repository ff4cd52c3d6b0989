'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';

/** Tells the agency why its marketplace is empty: a suspension is in force, until its last day or until lifted. */
export const SuspensionNotice = () => {
  const t = useTranslations('sanctions');
  const trpc = useTRPC();
  const standing = useQuery(trpc.sanctions.standing.queryOptions()).data;
  if (!standing?.isSuspended) return null;
  return (
    <div className="mb-4">
      <Alert testId="suspension-notice">
        {t('suspendedNotice', {
          until: standing.suspendedUntil ? t('untilDay', { day: standing.suspendedUntil }) : t('untilLifted'),
        })}{' '}
        {standing.suspensionId ? (
          <Link className="underline" href={`/agency/sanctions/${standing.suspensionId}`}>
            {t('seeSanction')}
          </Link>
        ) : null}
      </Alert>
    </div>
  );
};
