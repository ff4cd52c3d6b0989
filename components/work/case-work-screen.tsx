'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { bpToPercent, formatDateTime, formatFen } from '@/lib/format';
import { StagePolicyTable } from '../rules/stage-policy-table';
import { bucketLabel } from '../packages/figures';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { ActionNote } from './action-note';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { ActionForm } from './action-form';
import { PlanBrokenBadge, PlanCard } from './plan-card';
import { RestructureCard } from './restructure-card';
import { RevealButton } from './reveal-button';
import { VisitsCard } from './visits-card';
import { HoldBanner, HoldsCard } from './holds-card';
import { ContactRequestCard } from './contact-request-card';
import { FindingCard, NumberTags } from './case-changes';
import { RepaymentsCard } from '../money/repayments-card';

/**
 * A case as the agency works it: the debtor (masked; a full number is shown for a reason),
 * the loan and its stage, the form that asks the rulebook before each contact, and the
 * agency's own action history.
 */
export const CaseWorkScreen = ({ caseId }: { caseId: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.work.case.queryOptions({ caseId }));
  const actions = useInfiniteQuery(
    trpc.work.actions.infiniteQueryOptions(
      { caseId, limit: 30 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const c = query.data;
  const error = errorInfo(query.error);
  const rows = rowsOf(actions.data);
  return (
    <>
      <PageTitle
        title={c ? `${c.debtorName} · ${c.contractNo}` : t('work.title')}
        subtitle={
          c
            ? t('work.subtitle', { packageName: c.packageName, until: c.commissionEndsOn, timeZone: c.timeZone })
            : undefined
        }
        actions={
          <Link className="text-sm text-amber-700 underline" href="/agency/cases">
            {t('work.back')}
          </Link>
        }
      />
      {error ? <Alert testId="work-error">{error.message}</Alert> : null}
      {c?.commissionFrozenAt ? (
        <div className="mb-4">
          <Alert testId="work-frozen">{t('work.frozen', { at: formatDateTime(c.commissionFrozenAt) })}</Alert>
        </div>
      ) : null}
      {c?.holds
        .filter((h) => h.status === 'open')
        .map((h) => (
          <HoldBanner key={h.id} hold={h} timeZone={c.timeZone} />
        ))}
      {c ? (
        <div className="space-y-6">
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
              <dl className="space-y-2 text-sm">
                <div className="flex items-center gap-3">
                  <dt className="w-20 text-slate-500">{t('cases.idNumber')}</dt>
                  <dd className="font-mono">{c.idNumber}</dd>
                  <RevealButton caseId={c.id} which={{ field: 'idNumber' }} testId="reveal-id" />
                </div>
                {c.phones.map((p) => (
                  <div key={p.index} className="flex flex-wrap items-center gap-3" data-testid={`phone-${p.index}`}>
                    <dt className="w-20 text-slate-500">{t('work.phoneN', { n: p.index + 1 })}</dt>
                    <dd className={`font-mono ${p.retiredAt ? 'text-slate-400 line-through' : ''}`}>{p.masked}</dd>
                    <NumberTags source={p.source} addedAt={p.addedAt} retiredAt={p.retiredAt} />
                    <RevealButton
                      caseId={c.id}
                      which={{ field: 'phone', index: p.index }}
                      testId={`reveal-phone-${p.index}`}
                    />
                  </div>
                ))}
              </dl>
              <h3 className="mt-4 mb-1 text-sm font-medium text-slate-700">{t('work.contacts')}</h3>
              {c.contacts.length === 0 ? (
                <p className="text-sm text-slate-500">{t('work.noContacts')}</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {c.contacts.map((k) => (
                    <li key={k.contactNo} className="flex items-center gap-3">
                      <span className="w-20 text-slate-500">{t('work.contactN', { n: k.contactNo })}</span>
                      <span>
                        {k.name} · {k.relation}
                      </span>
                      <span className="font-mono">{k.phone}</span>
                      <NumberTags source={k.source} addedAt={null} retiredAt={null} />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t('work.loan')}>
              <dl className="grid grid-cols-2 gap-3 text-sm">
                {(
                  [
                    [t('work.loanAmount'), formatFen(c.loanAmount)],
                    [t('caseChanges.form.address'), c.address ?? '—'],
                    [t('cases.principal'), formatFen(c.principalOutstanding)],
                    [t('cases.amountOverdue'), formatFen(c.amountOverdue)],
                    [t('cases.daysOverdue'), `${c.daysOverdue} · ${bucketLabel(c.bucket)}`],
                    [t('cases.region'), `${c.province ? t(`province.${c.province}`) : '—'} ${c.city ?? ''}`],
                    [t('cases.product'), c.product ?? '—'],
                  ] as const
                ).map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-xs text-slate-500">{k}</dt>
                    <dd className="text-slate-900">{v}</dd>
                  </div>
                ))}
              </dl>
              <div
                className="mt-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
                data-testid="stage-hint"
              >
                <div className="font-medium">
                  {t(`work.stage.${c.stage}.name`)} · {t('stagePolicy.today', { day: c.daysOverdue })}
                </div>
                <p className="mt-1">{t(`work.stage.${c.stage}.hint`)}</p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-xs text-amber-800">{t('work.stage.policyTitle')}</summary>
                  <div className="mt-2 rounded bg-white">
                    <StagePolicyTable policy={c.stagePolicy} t={t} testId="case-stage-policy" />
                  </div>
                </details>
              </div>
            </Card>
          </div>
          <Card title={t('work.logTitle')}>
            {c.commissionFrozenAt ? (
              <p className="text-sm text-slate-600">{t('work.frozenShort')}</p>
            ) : (
              <ActionForm c={c} />
            )}
          </Card>
          <ContactRequestCard caseId={c.id} requests={c.contactRequests} timeZone={c.timeZone} canRecord />
          <HoldsCard holds={c.holds} timeZone={c.timeZone} />
          <FindingCard c={c} />
          <RepaymentsCard c={c} />
          <PlanCard plans={c.plans} />
          <VisitsCard c={c} />
          <RestructureCard
            caseId={c.id}
            bands={t('packages.terms.bandsValue', {
              reduction: bpToPercent(c.maxReductionBp),
              instalments: c.maxInstalments,
            })}
          />
          <Card title={t('work.history')}>
            <Table
              testId="action-history"
              head={[
                t('work.at'),
                t('work.by'),
                t('work.form.channel'),
                t('work.form.who'),
                t('work.form.outcome'),
                t('work.form.note'),
              ]}
            >
              {rows.length === 0 ? (
                <EmptyRow colSpan={6}>{t('work.noActions')}</EmptyRow>
              ) : (
                rows.map((a) => (
                  <tr key={a.id} data-testid="action-row">
                    <Td className="font-mono text-xs">{formatDateTime(a.at, c.timeZone)}</Td>
                    <Td>{a.actorName}</Td>
                    <Td>{t(`work.channel.${a.channel}`)}</Td>
                    <Td>
                      {a.target === 'debtor' ? t('work.debtorShort') : t('work.contactN', { n: a.contactNo ?? 0 })}{' '}
                      <span className="font-mono text-xs">{a.phoneMasked ?? ''}</span>
                    </Td>
                    <Td>
                      {t(`work.outcome.${a.outcome}`)}
                      {a.promiseAmount ? (
                        <span className="block text-xs text-slate-500">{`${formatFen(a.promiseAmount)} · ${a.promiseDate ?? ''}`}</span>
                      ) : null}
                    </Td>
                    <Td className="text-xs">
                      <ActionNote a={a} />
                    </Td>
                  </tr>
                ))
              )}
            </Table>
            <LoadMore list={actions} />
          </Card>
        </div>
      ) : null}
    </>
  );
};
