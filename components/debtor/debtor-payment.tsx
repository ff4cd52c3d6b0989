'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { formatFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC, useTRPCClient } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';

/** A label and its value, the value on its own line so that a long account number fits a phone. */
const Row = ({ label, value, testId, mono }: { label: string; value: string; testId: string; mono?: boolean }) => (
  <div className="border-b border-slate-100 py-2 last:border-0">
    <dt className="text-xs text-slate-500">{label}</dt>
    <dd
      className={`mt-0.5 break-all text-base font-medium text-slate-900 ${mono ? 'font-mono' : ''}`}
      data-testid={testId}
    >
      {value}
    </dd>
  </div>
);

/**
 * Paying the creditor directly (issue 20): the creditor's own account (never an agency's),
 * what is owed, and the case's reference code to write in the transfer's remark (附言);
 * "pay online" when the creditor has a payment-link provider.
 */
export const DebtorPayment = () => {
  const t = useTranslations('debtorPay');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const query = useQuery(trpc.debtor.payment.queryOptions());
  const pay = useMutation({
    mutationFn: () => client.debtor.payOnline.mutate(),
    onSuccess: ({ url }) => window.location.assign(url),
  });
  const p = query.data;
  if (!p) return query.error ? <Alert testId="debtor-pay-error">{errorInfo(query.error)?.message}</Alert> : null;
  if (!p.isOpen) return null;
  const due = p.instalment?.amount ?? p.amountOwed;
  return (
    <Card title={t('title')}>
      <div className="space-y-3" data-testid="debtor-payment">
        <p className="text-sm text-slate-700">{t('intro', { creditor: p.creditorName })}</p>
        <dl>
          <Row
            label={p.instalment ? t('instalmentDue', { no: p.instalment.no, date: p.instalment.dueDate }) : t('owed')}
            value={formatFen(due)}
            testId="debtor-pay-amount"
          />
          {p.account ? (
            <>
              <Row label={t('accountName')} value={p.account.accountName} testId="debtor-pay-account-name" />
              <Row label={t('bank')} value={p.account.bankName} testId="debtor-pay-bank" />
              <Row label={t('accountNo')} value={p.account.accountNo} testId="debtor-pay-account-no" mono />
            </>
          ) : null}
          <Row label={t('ref')} value={p.ref} testId="debtor-pay-ref" mono />
        </dl>
        {p.account ? (
          <Alert tone="info" testId="debtor-pay-remark">
            {t('remark', { ref: p.ref })}
          </Alert>
        ) : (
          <Alert tone="info" testId="debtor-pay-no-account">
            {t('noAccount', { creditor: p.creditorName })}
          </Alert>
        )}
        <p className="text-xs text-slate-500">{t('onlyCreditor')}</p>
        {p.canPayOnline ? (
          <>
            <Button
              className="w-full py-2.5"
              disabled={pay.isPending}
              onClick={() => pay.mutate()}
              data-testid="debtor-pay-online"
            >
              {t('payOnline', { amount: formatFen(due) })}
            </Button>
            {pay.error ? <Alert>{errorInfo(pay.error)?.message}</Alert> : null}
          </>
        ) : null}
      </div>
    </Card>
  );
};
