'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { TApplicationView } from '@/server/api/routers/admission/admission.schema';
import { formatDate } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** The outcome of a decided application: the tier and the way in, or the reason and a new attempt. */
export const DecisionNotice = ({ view, canApply }: { view: TApplicationView; canApply: boolean }) => {
  const t = useTranslations('apply.decision');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reapply = useMutation(
    trpc.admission.application.reapply.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.admission.application.get.queryKey(), next),
    }),
  );
  if (view.status === 'admitted') {
    return (
      <div
        className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
        data-testid="decision-admitted"
      >
        <span>{t('admitted', { tier: view.tier ?? '—', date: formatDate(view.decidedAt) })}</span>
        <Link href={`/${view.kind}`} className="font-medium underline">
          {t('toPortal')}
        </Link>
      </div>
    );
  }
  if (view.status !== 'rejected') return null;
  const error = errorInfo(reapply.error);
  return (
    <div
      className="space-y-2 rounded-md bg-red-50 px-3 py-3 text-sm text-red-900 ring-1 ring-red-200"
      data-testid="decision-rejected"
    >
      <p className="font-medium">{t('rejected', { date: formatDate(view.decidedAt) })}</p>
      {view.decisionReason ? <p data-testid="decision-reason">{t('reason', { reason: view.decisionReason })}</p> : null}
      <div className="flex items-center justify-between gap-3">
        <span className="text-red-800">{t('rejectedHint')}</span>
        {canApply ? (
          <Button
            variant="secondary"
            onClick={() => reapply.mutate()}
            disabled={reapply.isPending}
            data-testid="reapply"
          >
            {t('reapply')}
          </Button>
        ) : null}
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
    </div>
  );
};
