'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import type { StepProps } from './section-kit';

export const SubmitStep = ({
  view,
  canEdit,
  onGoTo,
}: Omit<StepProps, 'onSaved'> & { onGoTo: (section: string) => void }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const submit = useMutation(
    trpc.admission.application.submit.mutationOptions({
      onSuccess: (v) => queryClient.setQueryData(trpc.admission.application.get.queryKey(), v),
    }),
  );
  const error = errorInfo(submit.error);
  return (
    <div className="space-y-4" data-testid="step-submit">
      <p className="text-sm text-slate-600">{t('apply.submitIntro')}</p>
      <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {Object.entries(view.completeness).map(([section, isDone]) => (
          <li
            key={section}
            className="flex items-center justify-between px-3 py-2 text-sm"
            data-testid={`summary-${section}`}
          >
            <span>{t(`admission.section.${section}`)}</span>
            {isDone ? (
              <span className="text-emerald-700">✓ {t('apply.complete')}</span>
            ) : (
              <button type="button" className="text-amber-700 hover:underline" onClick={() => onGoTo(section)}>
                {t('apply.incomplete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error ? <Alert testId="submit-error">{error.message}</Alert> : null}
      {canEdit ? (
        <div className="flex justify-end">
          <Button
            onClick={() => submit.mutate()}
            disabled={submit.isPending || !view.isComplete}
            data-testid="submit-application"
          >
            {submit.isPending ? t('common.saving') : t('apply.submit')}
          </Button>
        </div>
      ) : null}
    </div>
  );
};
