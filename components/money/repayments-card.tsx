'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { REPAYMENT_CHANNELS } from '@/lib/enums';
import { ZReportRepaymentForm } from '@/server/api/routers/repayments/repayments.schema';
import type { TWorkCase } from '@/server/api/routers/work/work.schema';
import { uploadFile, UploadError } from '../files/upload';
import { shanghaiDate } from '@/lib/dates';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { ProgressBar } from '../ui/progress';
import { BalanceLine, RepaymentLine } from './repayment-views';

/**
 * Repayments on a case as the agency sees them: the balance, the form to report what the
 * debtor paid (with the receipt, uploaded with its progress), and its own reports with
 * the creditor's answers.
 */
export const RepaymentsCard = ({ c }: { c: TWorkCase }) => {
  const t = useTranslations('repayments');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.work.repayments.queryOptions({ caseId: c.id }));
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useZodForm(ZReportRepaymentForm, {
    // Today in Beijing: repayment days are the creditor's bank days.
    defaultValues: {
      amount: '',
      paidOn: shanghaiDate(new Date()),
      channel: 'bank_transfer',
      payer: '',
      reference: '',
      note: '',
    },
  });
  const receipt = useRef<HTMLInputElement>(null);
  // A new key empties the file input once a report is saved.
  const [formKey, setFormKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const report = useMutation(
    trpc.work.reportRepayment.mutationOptions({
      onSuccess: () => {
        setValue('amount', '');
        setValue('reference', '');
        setValue('note', '');
        setFormKey((k) => k + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.work.repayments.queryKey({ caseId: c.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.work.case.queryKey({ caseId: c.id }) });
      },
    }),
  );
  const error = errorInfo(report.error);
  const message = (name: string) => fieldMessage(errors, error, name);
  const submit = async (values: z.output<typeof ZReportRepaymentForm>) => {
    setUploadError(null);
    const file = receipt.current?.files?.[0];
    let receiptFileId: string | undefined;
    if (file) {
      try {
        setProgress(0);
        receiptFileId = (await uploadFile(file, setProgress)).id;
      } catch (e) {
        setUploadError(e instanceof UploadError ? e.info.message : String(e));
        return;
      } finally {
        setProgress(null);
      }
    }
    report.mutate({ caseId: c.id, ...values, ...(receiptFileId ? { receiptFileId } : {}) });
  };
  return (
    <Card title={t('title')}>
      <div className="space-y-4">
        <BalanceLine due={c.amountDue} repaid={c.repaidAmount} />
        <form
          className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
          data-testid="repayment-form"
          noValidate
          onSubmit={handleSubmit(submit)}
        >
          <h4 className="text-sm font-medium text-slate-800">{t('report')}</h4>
          <div className="grid gap-3 md:grid-cols-3">
            <Field id="rp-amount" label={t('amount')} error={message('amount')}>
              <Input id="rp-amount" inputMode="decimal" {...register('amount')} invalid={Boolean(message('amount'))} />
            </Field>
            <Field id="rp-paidOn" label={t('paidOn')} error={message('paidOn')}>
              <Input id="rp-paidOn" type="date" {...register('paidOn')} invalid={Boolean(message('paidOn'))} />
            </Field>
            <Field id="rp-channel" label={t('channel')} error={message('channel')}>
              <Select id="rp-channel" {...register('channel')}>
                {REPAYMENT_CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {t(`channels.${ch}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="rp-payer" label={t('payer')} error={message('payer')}>
              <Input
                id="rp-payer"
                placeholder={t('payerPlaceholder')}
                {...register('payer')}
                invalid={Boolean(message('payer'))}
              />
            </Field>
            <Field id="rp-reference" label={t('reference')} error={message('reference')}>
              <Input id="rp-reference" {...register('reference')} invalid={Boolean(message('reference'))} />
            </Field>
            <Field
              id="rp-receipt"
              label={t('receipt')}
              error={error?.fieldErrors.receiptFileId ?? uploadError ?? undefined}
            >
              <input
                key={formKey}
                id="rp-receipt"
                type="file"
                accept="image/jpeg,image/png,application/pdf"
                className="block text-sm"
                ref={receipt}
                data-testid="rp-receipt"
              />
            </Field>
          </div>
          <Field id="rp-note" label={t('note')} error={message('note')}>
            <Input id="rp-note" {...register('note')} invalid={Boolean(message('note'))} />
          </Field>
          {progress !== null ? <ProgressBar value={progress} label={t('uploading')} /> : null}
          {error && Object.keys(error.fieldErrors).length === 0 ? (
            <Alert testId="repayment-error">{error.message}</Alert>
          ) : null}
          {report.isSuccess ? (
            <Alert tone="success" testId="repayment-reported">
              {t('reported')}
            </Alert>
          ) : null}
          <Button type="submit" disabled={report.isPending || progress !== null} data-testid="repayment-submit">
            {t('submit')}
          </Button>
        </form>
        {list.data?.length === 0 ? <p className="text-sm text-slate-500">{t('none')}</p> : null}
        <ul className="space-y-2" data-testid="repayments">
          {(list.data ?? []).map((r) => (
            <RepaymentLine key={r.id} r={r} timeZone={c.timeZone} />
          ))}
        </ul>
      </div>
    </Card>
  );
};
