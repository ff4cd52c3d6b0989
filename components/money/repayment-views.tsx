'use client';

import { useTranslations } from 'use-intl';
import type { TRepayment } from '@/server/api/routers/repayments/repayments.schema';
import { formatDateTime, formatFen } from '@/lib/format';
import { Badge, type Tone } from '../ui/badge';

export const REPAYMENT_TONE: Record<TRepayment['status'], Tone> = {
  reported: 'amber',
  confirmed: 'green',
  disputed: 'red',
  reversed: 'slate',
};

/** Due, confirmed and open amounts of a case, in one line. */
export const BalanceLine = ({ due, repaid }: { due: number; repaid: number }) => {
  const t = useTranslations('repayments');
  return (
    <p className="text-sm text-slate-700" data-testid="repayment-balance">
      {t('balance', { due: formatFen(due), repaid: formatFen(repaid), open: formatFen(Math.max(0, due - repaid)) })}
    </p>
  );
};

/** One repayment: amount, day, how and by whom it was paid, its receipt, its status and decision. */
export const RepaymentLine = ({ r, timeZone }: { r: TRepayment; timeZone?: string }) => {
  const t = useTranslations('repayments');
  return (
    <li
      className="flex flex-wrap items-start justify-between gap-3 rounded-md p-3 ring-1 ring-slate-200"
      data-testid="repayment"
      data-status={r.status}
    >
      <div className="space-y-0.5 text-sm">
        <div className="font-medium text-slate-900">
          {formatFen(r.amount)} · {r.paidOn} · {t(`channels.${r.channel}`)}
        </div>
        <div className="text-xs text-slate-600">
          {r.payer}
          {r.reference ? ` · ${r.reference}` : ''} · {t(`source.${r.source}`)} ·{' '}
          {t('byOn', {
            name: r.reportedByName ?? t('byProvider', { channel: t(`channels.${r.channel}`) }),
            at: formatDateTime(r.createdAt, timeZone),
          })}
        </div>
        {r.note ? <div className="text-xs text-slate-600">{r.note}</div> : null}
        {r.decisionNote ? (
          <div className="text-xs text-slate-600">{t('decisionNote', { note: r.decisionNote })}</div>
        ) : null}
        {r.reversalReason ? (
          <div className="text-xs text-slate-600">{t('reversal', { reason: r.reversalReason })}</div>
        ) : null}
        {r.receiptFileId ? (
          <a
            className="text-xs text-amber-700 underline"
            href={`/api/files/${r.receiptFileId}`}
            target="_blank"
            rel="noreferrer"
          >
            {t('viewReceipt')}
          </a>
        ) : null}
      </div>
      <Badge tone={REPAYMENT_TONE[r.status]}>{t(`status.${r.status}`)}</Badge>
    </li>
  );
};
