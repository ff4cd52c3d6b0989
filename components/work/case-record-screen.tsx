'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { CloseCaseCard, ClosedCaseNote } from '../cases/close-case';
import { SHANGHAI_TIME_ZONE } from '@/lib/dates';
import { formatDateTime, formatFen } from '@/lib/format';
import { bucketLabel } from '../packages/figures';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { ActionNote } from './action-note';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { BalanceLine, RepaymentLine } from '../money/repayment-views';
import { PlanBrokenBadge, PlanCard } from './plan-card';
import { VisitView } from './visit-view';
import { HoldBanner, HoldsCard } from './holds-card';
import { ContactRequestCard } from './contact-request-card';
import { NumberTags, RecordChangesCard } from './case-changes';

/**
 * A case's whole record as its creditor, or a platform auditor or complaint handler, reads
 * it: figures and placement, every agency's field visits with their evidence, and every
 * action, numbers masked. A creditor admin or manager may close an open case as unrecoverable.
 */
export const CaseRecordScreen = ({
  caseId,
  isStaff,
  canClose = false,
}: {
  caseId: string;
  isStaff: boolean;
  canClose?: boolean;
}) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const record = useQuery(trpc.record.case.queryOptions({ caseId }, { staleTime: Infinity }));
  const visits = useQuery(trpc.record.visits.queryOptions({ caseId }));
  const repayments = useQuery(trpc.record.repayments.queryOptions({ caseId }));
  const actions = useInfiniteQuery(
    trpc.record.actions.infiniteQueryOptions(
      { caseId, limit: 30 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const c = record.data;
  const error = errorInfo(record.error);
  const rows = rowsOf(actions.data);
  const zone = c?.timeZone ?? SHANGHAI_TIME_ZONE;
  // Settled and closed cases are done; a case waiting in a package not yet placed is the package's to decide.
  const isClosable = Boolean(
    c && c.status !== 'settled' && c.status !== 'closed_unrecoverable' && !(c.packageId && !c.agencyName),
  );
  return (
    <>
      <PageTitle
        title={c ? `${c.debtorName} · ${c.contractNo}` : t('record.title')}
        subtitle={isStaff ? t('record.staffNote') : t('record.subtitle')}
        actions={
          <Link className="text-sm text-amber-700 underline" href={isStaff ? '/staff/visits' : '/creditor/cases'}>
            {isStaff ? t('record.backToVisits') : t('record.back')}
          </Link>
        }
      />
      {error ? <Alert testId="record-error">{error.message}</Alert> : null}
      {c ? (
        <div className="space-y-6">
          {c.closedOn && c.closedReason ? <ClosedCaseNote closedOn={c.closedOn} closedReason={c.closedReason} /> : null}
          {c.holds
            .filter((h) => h.status === 'open')
            .map((h) => (
              <HoldBanner key={h.id} hold={h} timeZone={zone} />
            ))}
          <HoldsCard holds={c.holds} timeZone={zone} canDecide={canClose} />
          <div className="grid gap-6 lg:grid-cols-2">
            <Card
              title={t('work.debtor')}
              actions={
                <span className="flex gap-2">
                  <PlanBrokenBadge brokenOn={c.planBrokenOn} />
                  <Badge tone="blue">{t(`caseStatus.${c.status}`)}</Badge>
                </span>
              }
            >
              <dl className="grid grid-cols-2 gap-3 text-sm">
                {(
                  [
                    [t('cases.idNumber'), c.idNumber],
                    [t('cases.amountOverdue'), formatFen(c.amountOverdue)],
                    [t('cases.principal'), formatFen(c.principalOutstanding)],
                    [t('cases.daysOverdue'), `${c.daysOverdue} · ${bucketLabel(c.bucket)}`],
                    [t('cases.region'), `${c.province ? t(`province.${c.province}`) : '—'} ${c.city ?? ''}`],
                  ] as const
                ).map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-xs text-slate-500">{k}</dt>
                    <dd className="font-mono text-slate-900">{v}</dd>
                  </div>
                ))}
              </dl>
              <h3 className="mt-4 mb-1 text-xs text-slate-500">{t('cases.phone')}</h3>
              <ul className="space-y-1 text-sm" data-testid="record-numbers">
                {c.numbers.map((p) => (
                  <li
                    key={p.index}
                    className="flex flex-wrap items-center gap-2"
                    data-testid={`record-number-${p.index}`}
                  >
                    <span className={`font-mono ${p.retiredAt ? 'text-slate-400 line-through' : 'text-slate-900'}`}>
                      {p.masked}
                    </span>
                    <NumberTags source={p.source} addedAt={p.addedAt} retiredAt={p.retiredAt} />
                  </li>
                ))}
              </ul>
              <p className="mt-3 text-xs text-slate-500">{t('caseChanges.form.address')}</p>
              <p className="text-sm text-slate-900" data-testid="record-address">
                {c.address ?? '—'}
              </p>
            </Card>
            <Card title={t('record.placement')}>
              <dl className="grid grid-cols-2 gap-3 text-sm">
                {(
                  [
                    [t('record.creditor'), c.creditorName],
                    [t('record.agency'), c.agencyName ?? t('record.unplaced')],
                    [t('record.package'), c.packageName ?? '—'],
                    [t('cases.product'), c.product ?? '—'],
                    [t('record.timeZone'), c.timeZone],
                  ] as const
                ).map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-xs text-slate-500">{k}</dt>
                    <dd className="text-slate-900" data-testid={`record-${k}`}>
                      {v}
                    </dd>
                  </div>
                ))}
              </dl>
            </Card>
          </div>
          <ContactRequestCard caseId={c.id} requests={c.contactRequests} timeZone={zone} canRecord={false} />
          <Card title={t('repayments.title')}>
            <div className="space-y-3">
              <BalanceLine due={c.amountDue} repaid={c.repaidAmount} />
              {repayments.data?.length === 0 ? <p className="text-sm text-slate-500">{t('repayments.none')}</p> : null}
              <ul className="space-y-2" data-testid="record-repayments">
                {(repayments.data ?? []).map((r) => (
                  <RepaymentLine key={r.id} r={r} timeZone={zone} />
                ))}
              </ul>
            </div>
          </Card>
          <PlanCard plans={c.plans} />
          <RecordChangesCard caseId={c.id} />
          <Card title={t('record.visits')}>
            {visits.data?.length === 0 ? <p className="text-sm text-slate-500">{t('visits.none')}</p> : null}
            <ul className="space-y-3" data-testid="record-visits">
              {(visits.data ?? []).map((v) => (
                <VisitView key={v.id} visit={v} timeZone={zone} agencyName={v.agencyName} />
              ))}
            </ul>
          </Card>
          <Card title={t('record.actions')}>
            <Table
              testId="record-actions"
              head={[
                t('work.at'),
                t('record.agency'),
                t('work.by'),
                t('work.form.channel'),
                t('work.form.who'),
                t('work.form.outcome'),
                t('work.form.note'),
              ]}
            >
              {rows.length === 0 ? (
                <EmptyRow colSpan={7}>{t('record.noActions')}</EmptyRow>
              ) : (
                rows.map((a) => (
                  <tr key={a.id} data-testid="record-action">
                    <Td className="font-mono text-xs">{formatDateTime(a.at, zone)}</Td>
                    <Td>{a.agencyName}</Td>
                    <Td>{a.actorName}</Td>
                    <Td>{t(`work.channel.${a.channel}`)}</Td>
                    <Td>
                      {a.target === 'debtor' ? t('work.debtorShort') : t('work.contactN', { n: a.contactNo ?? 0 })}{' '}
                      <span className="font-mono text-xs">{a.phoneMasked ?? ''}</span>
                    </Td>
                    <Td>{t(`work.outcome.${a.outcome}`)}</Td>
                    <Td className="text-xs">
                      <ActionNote a={a} />
                    </Td>
                  </tr>
                ))
              )}
            </Table>
            <LoadMore list={actions} />
          </Card>
          {canClose && isClosable ? <CloseCaseCard caseId={c.id} contractNo={c.contractNo} /> : null}
        </div>
      ) : null}
    </>
  );
};
