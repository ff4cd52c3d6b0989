'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';
import { ZCloseCaseForm } from '@/server/api/routers/cases/cases.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/field';

/**
 * Closing the case as unrecoverable (核销): the reason, then a confirmation, since an agency
 * working the case loses it at once and closing cannot be undone.
 */
export const CloseCaseCard = ({ caseId, contractNo }: { caseId: string; contractNo: string }) => {
  const t = useTranslations('record.close');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    watch,
    getValues,
    formState: { errors },
  } = useZodForm(ZCloseCaseForm, { defaultValues: { reason: '' } });
  const [isConfirming, setConfirming] = useState(false);
  const close = useMutation(
    trpc.cases.close.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.record.case.queryKey({ caseId }) }),
      onSettled: () => setConfirming(false),
    }),
  );
  const error = errorInfo(close.error);
  const message = fieldMessage(errors, error, 'reason');
  const isLongEnough = watch('reason').trim().length >= CLOSE_REASON_LENGTH.min;
  return (
    <Card title={t('title')}>
      <form
        className="space-y-3"
        data-testid="close-case"
        noValidate
        onSubmit={handleSubmit(() => setConfirming(true))}
      >
        <p className="text-sm text-slate-600">{t('intro')}</p>
        <Field id="close-reason" label={t('reason')} hint={t('reasonHint', CLOSE_REASON_LENGTH)} error={message}>
          <textarea
            id="close-reason"
            rows={2}
            maxLength={CLOSE_REASON_LENGTH.max}
            className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
            {...register('reason')}
            data-testid="close-reason"
          />
        </Field>
        {error && !error.fieldErrors.reason ? <Alert testId="close-error">{error.message}</Alert> : null}
        <Button type="submit" variant="danger" disabled={!isLongEnough || close.isPending} data-testid="close-open">
          {t('submit')}
        </Button>
      </form>
      <Dialog open={isConfirming} title={t('title')} onClose={() => setConfirming(false)}>
        <div className="space-y-4">
          <p className="text-sm text-slate-700">{t('confirm', { contractNo })}</p>
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">{getValues('reason').trim()}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {tc('cancel')}
            </Button>
            <Button
              variant="danger"
              disabled={close.isPending}
              onClick={() => close.mutate({ caseId, reason: getValues('reason') })}
              data-testid="close-confirm"
            >
              {t('submit')}
            </Button>
          </div>
        </div>
      </Dialog>
    </Card>
  );
};

/** A case closed as unrecoverable: the day and the reason. */
export const ClosedCaseNote = ({ closedOn, closedReason }: { closedOn: string; closedReason: string }) => {
  const t = useTranslations('record.close');
  return (
    <Card title={t('closedTitle')}>
      <dl className="grid gap-3 text-sm md:grid-cols-4" data-testid="case-closed">
        <div>
          <dt className="text-xs text-slate-500">{t('closedOn')}</dt>
          <dd className="font-mono text-slate-900" data-testid="case-closed-on">
            {closedOn}
          </dd>
        </div>
        <div className="md:col-span-3">
          <dt className="text-xs text-slate-500">{t('closedReason')}</dt>
          <dd className="whitespace-pre-wrap text-slate-900" data-testid="case-closed-reason">
            {closedReason}
          </dd>
        </div>
      </dl>
    </Card>
  );
};
