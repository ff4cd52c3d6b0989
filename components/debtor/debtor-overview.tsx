'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { TDebtorOverview, TDebtorPlanView } from '@/server/api/routers/debtor/debtor.schema';
import { formatDate, formatDateTime, formatFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPCClient } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Textarea } from '../ui/field';
import { DebtorContactChoice } from './debtor-contact-choice';
import { DebtorPlanCard } from './debtor-plan';
import { EvidencePicker, type Evidence } from '../complaints/evidence-picker';
import { DebtorPayment } from './debtor-payment';

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A label and its value on one line of a narrow card. */
const Line = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
  <div className="flex items-baseline justify-between gap-3 border-b border-slate-100 py-2 last:border-0">
    <dt className="text-sm text-slate-500">{label}</dt>
    <dd className="text-right text-sm font-medium text-slate-900" data-testid={testId}>
      {children}
    </dd>
  </div>
);

/** The dispute: a paused case says until when; an open one offers the form. */
const DisputeCard = ({ overview: o }: { overview: TDebtorOverview }) => {
  const t = useTranslations();
  const router = useRouter();
  const client = useTRPCClient();
  const [reason, setReason] = useState('');
  const [documents, setDocuments] = useState<Evidence[]>([]);
  const dispute = useMutation({
    mutationFn: () => client.debtor.dispute.mutate({ reason, document: documents[0] ?? null }),
    onSuccess: () => router.refresh(),
  });
  const error = errorInfo(dispute.error);
  if (o.hold)
    return (
      <Alert tone="info" testId="debtor-hold">
        {o.hold.origin === 'debtor' && o.hold.kind === 'dispute'
          ? t('debtor.disputed', { due: formatDateTime(o.hold.answerDueAt) })
          : t('debtor.onHold', { kind: t(`holds.kind.${o.hold.kind}`), due: formatDateTime(o.hold.answerDueAt) })}
      </Alert>
    );
  if (!o.isOpen) return null;
  return (
    <Card title={t('debtor.disputeTitle')}>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          dispute.mutate();
        }}
      >
        <p className="text-sm text-slate-600">{t('debtor.disputeIntro')}</p>
        <Field
          id="debtor-dispute-reason"
          label={t('debtor.disputeReason')}
          error={error?.fieldErrors.reason ?? error?.message}
        >
          <Textarea
            id="debtor-dispute-reason"
            rows={4}
            value={reason}
            invalid={Boolean(error)}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        <div>
          <p className="mb-1 text-sm text-slate-700">{t('debtor.disputeDocument')}</p>
          <EvidencePicker max={1} onChange={setDocuments} />
        </div>
        <Button
          type="submit"
          variant="secondary"
          className="w-full py-2.5"
          disabled={dispute.isPending}
          data-testid="debtor-dispute-submit"
        >
          {t('debtor.disputeSubmit')}
        </Button>
      </form>
    </Card>
  );
};

/**
 * What the debtor sees of their case, phone first: the debt as of today, who holds it and
 * whether that agency is admitted, the collector's work number, the week's contacts, and the
 * rules every contact is checked against, with the way to complain.
 */
export const DebtorOverviewView = ({
  overview: o,
  plan,
}: {
  overview: TDebtorOverview;
  plan: TDebtorPlanView | null;
}) => {
  const t = useTranslations();
  const router = useRouter();
  const client = useTRPCClient();
  const signOut = useMutation({ mutationFn: () => client.debtor.signOut.mutate(), onSuccess: () => router.refresh() });
  const r = o.rules;
  return (
    <div className="space-y-4" data-testid="debtor-overview">
      <Card title={t('debtor.debtTitle')}>
        {o.isOpen ? null : (
          <div className="mb-2">
            <Alert tone={o.status === 'settled' ? 'success' : 'info'} testId="debtor-closed">
              {o.status === 'settled'
                ? t('debtor.settled')
                : t('debtor.closed', { status: t(`caseStatus.${o.status}`) })}
            </Alert>
          </div>
        )}
        <dl>
          <Line label={t('debtor.contractNo')} testId="debtor-contract">
            <span className="font-mono">{o.contractNo}</span>
          </Line>
          <Line label={t('debtor.creditor')} testId="debtor-creditor">
            {o.creditorName}
          </Line>
          <Line label={t('debtor.amountOverdue')} testId="debtor-overdue">
            {formatFen(o.amountOverdue)}
          </Line>
          {o.repaidAmount > 0 ? (
            <Line label={t('debtor.repaid')} testId="debtor-repaid">
              {formatFen(o.repaidAmount)}
            </Line>
          ) : null}
          <Line label={t('debtor.principalOutstanding')}>{formatFen(o.principalOutstanding)}</Line>
          <Line label={t('debtor.daysOverdue')} testId="debtor-days">
            {t('debtor.days', { n: o.daysOverdue })}
          </Line>
        </dl>
      </Card>
      <DebtorPayment />
      <Card title={t('debtor.agencyTitle')}>
        {o.agency ? (
          <dl>
            <Line label={t('debtor.agency')} testId="debtor-agency">
              {o.agency.name}
            </Line>
            <Line label={t('debtor.admission')}>
              {o.agency.status === 'active' ? (
                <Badge tone="green">
                  {o.agency.tier ? t('review.tierLabel', { tier: o.agency.tier }) : t('debtor.admitted')}
                </Badge>
              ) : (
                <Badge tone="red">{t(`orgStatus.${o.agency.status}`)}</Badge>
              )}
            </Line>
            <Line label={t('debtor.collector')} testId="debtor-workno">
              {o.agency.collectorWorkNo
                ? t('debtor.workNo', { no: o.agency.collectorWorkNo })
                : t('debtor.noCollector')}
            </Line>
            <Line label={t('debtor.commissionEnds')}>{o.agency.commissionEndsOn}</Line>
          </dl>
        ) : (
          <p className="text-sm text-slate-600" data-testid="debtor-no-agency">
            {t('debtor.noAgency')}
          </p>
        )}
        <p className="mt-3 text-sm">
          <Link href="/agencies" className="text-amber-700 underline">
            {t('debtor.whitelistLink')}
          </Link>
        </p>
      </Card>
      {plan && o.isOpen && !o.hold ? <DebtorPlanCard view={plan} amountOverdue={o.amountOverdue} /> : null}
      <DisputeCard overview={o} />
      {o.isOpen ? <DebtorContactChoice overview={o} /> : null}
      <Card title={t('debtor.contactsTitle')}>
        {o.contacts.length === 0 ? (
          <p className="text-sm text-slate-600">{t('debtor.noContacts')}</p>
        ) : (
          <dl data-testid="debtor-contacts">
            {o.contacts.map((c) => (
              <Line key={c.channel} label={t(`work.channel.${c.channel}`)}>
                {t('debtor.times', { n: c.count })}
              </Line>
            ))}
          </dl>
        )}
      </Card>
      <Card title={t('debtor.rulesTitle')}>
        <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700" data-testid="debtor-rules">
          <li>{t('landing.rules.window', { start: hhmm(r.windowStartMinutes), end: hhmm(r.windowEndMinutes) })}</li>
          <li>
            {t('landing.rules.calls', {
              answered: r.maxAnsweredCallsPerDebtorPerDay,
              unanswered: r.maxUnansweredCallsPerNumberPerDay,
            })}
          </li>
          <li>{t('landing.rules.contacts', { failed: r.contactAfterFailedAttempts })}</li>
          <li>{t('debtor.rulesWords')}</li>
        </ul>
        <p className="mt-3 text-sm text-slate-700">{t('debtor.complainIntro')}</p>
        <Link
          href="/complaints"
          className="mt-2 inline-block rounded-md bg-amber-600 px-3 py-2 text-sm font-medium text-white"
          data-testid="debtor-complain"
        >
          {t('debtor.complain')}
        </Link>
      </Card>
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span data-testid="debtor-session">{t('debtor.sessionUntil', { at: formatDateTime(o.sessionExpiresAt) })}</span>
        <Button variant="secondary" onClick={() => signOut.mutate()} data-testid="debtor-sign-out">
          {t('debtor.signOut')}
        </Button>
      </div>
      <p className="text-xs text-slate-400">{t('debtor.asOf', { date: formatDate(new Date()) })}</p>
    </div>
  );
};
