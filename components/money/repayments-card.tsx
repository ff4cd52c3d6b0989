'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { REPAYMENT_CHANNELS, type RepaymentChannel } from '@/lib/enums';
import type { TWorkCase } from '@/server/api/routers/work/work.schema';
import { uploadFile, UploadError } from '../files/upload';
import { shanghaiDate } from '@/lib/dates';
import { parseAmountToFen } from '@/lib/format';
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
  const [amount, setAmount] = useState('');
  // Today in Beijing: repayment days are the creditor's bank days.
  const [paidOn, setPaidOn] = useState(() => shanghaiDate(new Date()));
  const [channel, setChannel] = useState<RepaymentChannel>('bank_transfer');
  const [payer, setPayer] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [receipt, setReceipt] = useState<File | null>(null);
  // A new key empties the file input once a report is saved.
  const [formKey, setFormKey] = useState(0);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const report = useMutation(
    trpc.work.reportRepayment.mutationOptions({
      onSuccess: () => {
        setAmount('');
        setReference('');
        setNote('');
        setReceipt(null);
        setFormKey((k) => k + 1);
        void queryClient.invalidateQueries({ queryKey: trpc.work.repayments.queryKey({ caseId: c.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.work.case.queryKey({ caseId: c.id }) });
      },
    }),
  );
  const error = errorInfo(report.error);
  const submit = async () => {
    setUploadError(null);
    let receiptFileId: string | undefined;
    if (receipt) {
      try {
        setProgress(0);
        receiptFileId = (await uploadFile(receipt, setProgress)).id;
      } catch (e) {
        setUploadError(e instanceof UploadError ? e.info.message : String(e));
        return;
      } finally {
        setProgress(null);
      }
    }
    report.mutate({
      caseId: c.id,
      amount: parseAmountToFen(amount) ?? 0,
      paidOn,
      channel,
      payer,
      reference,
      note,
      ...(receiptFileId ? { receiptFileId } : {}),
    });
  };
  return (
    <Card title={t('title')}>
      <div className="space-y-4">
        <BalanceLine due={c.amountDue} repaid={c.repaidAmount} />
        <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="repayment-form">
          <h4 className="text-sm font-medium text-slate-800">{t('report')}</h4>
          <div className="grid gap-3 md:grid-cols-3">
            <Field id="rp-amount" label={t('amount')} error={error?.fieldErrors.amount}>
              <Input id="rp-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
            </Field>
            <Field id="rp-paidOn" label={t('paidOn')} error={error?.fieldErrors.paidOn}>
              <Input id="rp-paidOn" type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
            </Field>
            <Field id="rp-channel" label={t('channel')}>
              <Select id="rp-channel" value={channel} onChange={(e) => setChannel(e.target.value as RepaymentChannel)}>
                {REPAYMENT_CHANNELS.map((ch) => (
                  <option key={ch} value={ch}>
                    {t(`channels.${ch}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="rp-payer" label={t('payer')} error={error?.fieldErrors.payer}>
              <Input
                id="rp-payer"
                placeholder={t('payerPlaceholder')}
                value={payer}
                onChange={(e) => setPayer(e.target.value)}
              />
            </Field>
            <Field id="rp-reference" label={t('reference')} error={error?.fieldErrors.reference}>
              <Input id="rp-reference" value={reference} onChange={(e) => setReference(e.target.value)} />
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
                onChange={(e) => setReceipt(e.target.files?.[0] ?? null)}
                data-testid="rp-receipt"
              />
            </Field>
          </div>
          <Field id="rp-note" label={t('note')}>
            <Input id="rp-note" value={note} onChange={(e) => setNote(e.target.value)} />
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
          <Button
            onClick={() => void submit()}
            disabled={report.isPending || progress !== null || !amount || !payer.trim()}
            data-testid="repayment-submit"
          >
            {t('submit')}
          </Button>
        </div>
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
