'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
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

/** The pay link as a QR code (an SVG image), for a debtor at a computer to scan with the phone's Alipay. */
const useQrImage = (url: string) => {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((svg) => {
      if (isCurrent) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      isCurrent = false;
    };
  }, [url]);
  return src;
};

/** The link the creditor's provider made: opened on this phone, or scanned from a computer's screen. */
const PayLink = ({
  url,
  amount,
  creditor,
  onPaid,
}: {
  url: string;
  amount: number;
  creditor: string;
  onPaid: () => void;
}) => {
  const t = useTranslations('debtorPay');
  const qr = useQrImage(url);
  return (
    <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3" data-testid="debtor-pay-link">
      <p className="text-sm font-medium text-slate-900">{t('linkTitle', { amount: formatFen(amount) })}</p>
      <a
        href={url}
        rel="noopener noreferrer"
        className="block w-full rounded-md bg-amber-600 px-4 py-2.5 text-center text-sm font-medium text-white shadow-sm hover:bg-amber-700"
        data-testid="debtor-pay-open"
      >
        {t('linkOpen')}
      </a>
      <div className="flex flex-col items-center gap-2">
        {qr ? (
          <img
            src={qr}
            alt={t('linkQrAlt')}
            width={176}
            height={176}
            className="bg-white"
            data-testid="debtor-pay-qr"
          />
        ) : null}
        <p className="text-center text-xs text-slate-600">{t('linkQr')}</p>
      </div>
      <p className="text-xs text-slate-600">{t('linkHint', { creditor })}</p>
      <Button variant="secondary" className="w-full" onClick={onPaid} data-testid="debtor-pay-refresh">
        {t('linkRefresh')}
      </Button>
    </div>
  );
};

/**
 * Paying the creditor directly (issue 20): the creditor's own account (never an agency's),
 * what is owed, and the case's reference code to write in the transfer's remark (附言);
 * "pay online" when the creditor has a payment-link provider.
 */
export const DebtorPayment = () => {
  const t = useTranslations('debtorPay');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const query = useQuery(trpc.debtor.payment.queryOptions());
  const pay = useMutation({ mutationFn: () => client.debtor.payOnline.mutate() });
  // After paying, what is owed is read again: this card's and the page's (the loan may be settled).
  const refresh = () => {
    pay.reset();
    void queryClient.invalidateQueries({ queryKey: trpc.debtor.pathKey() });
    router.refresh();
  };
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
        {pay.data ? (
          <PayLink url={pay.data.url} amount={pay.data.amount} creditor={p.creditorName} onPaid={refresh} />
        ) : p.canPayOnline ? (
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
