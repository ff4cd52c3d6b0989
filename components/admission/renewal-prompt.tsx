'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { formatDate } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/**
 * From 30 days before the admission expires (and after it has), the portal home asks for
 * a renewal: the admin opens an application pre-filled from the last one.
 */
export const RenewalPrompt = ({ canApply }: { canApply: boolean }) => {
  const t = useTranslations('renewal');
  const tStatus = useTranslations('applicationStatus');
  const trpc = useTRPC();
  const router = useRouter();
  const status = useQuery(trpc.admission.application.renewalStatus.queryOptions());
  const start = useMutation(
    trpc.admission.application.startRenewal.mutationOptions({ onSuccess: () => router.push('/apply') }),
  );
  const s = status.data;
  if (!s?.isDue) return null;
  const isExpired = (s.daysLeft ?? 0) <= 0;
  const error = errorInfo(start.error);
  return (
    <div className="mb-5 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200" data-testid="renewal-prompt">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="space-y-1">
          <p className="font-medium text-amber-900">
            {isExpired
              ? t('expired', { date: formatDate(s.expiresAt) })
              : t('due', { date: formatDate(s.expiresAt), days: s.daysLeft ?? 0 })}
          </p>
          <p className="text-sm text-amber-800">{isExpired ? t('expiredEffect') : t('dueHint')}</p>
        </div>
        {s.openStatus && canApply ? (
          <Button variant="secondary" onClick={() => router.push('/apply')} data-testid="open-renewal">
            {t('open', { status: tStatus(s.openStatus) })}
          </Button>
        ) : canApply ? (
          <Button onClick={() => start.mutate()} disabled={start.isPending} data-testid="start-renewal">
            {start.isPending ? t('starting') : t('start')}
          </Button>
        ) : (
          <span className="text-sm text-amber-800" data-testid="renewal-admin-only">
            {s.openStatus ? t('adminHandles', { status: tStatus(s.openStatus) }) : t('adminOnly')}
          </span>
        )}
      </div>
      {error ? (
        <div className="mt-3">
          <Alert>{error.message}</Alert>
        </div>
      ) : null}
    </div>
  );
};
