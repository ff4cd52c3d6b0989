'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { bpToPercent, formatDateTime, formatFen } from '@/lib/format';
import { bucketLabel, FiguresCard } from '../packages/figures';
import { PackageStatusBadge } from '../packages/package-status';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Table, Td } from '../ui/table';
import { BidForm } from './bid-form';
import { CreditorScore } from './creditor-score';

/** A package as an agency sees it: figures, terms, a sample without names, ID or phone numbers, and its bid or offer. */
export const MarketPackageScreen = ({ packageId, canBid }: { packageId: string; canBid: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.market.get.queryOptions({ packageId }));
  const router = useRouter();
  // After the answer the package is no longer offered: accepted cases are in the case list, a declined package is gone.
  const answer = useMutation(
    trpc.market.answerOffer.mutationOptions({
      onSuccess: (r) => {
        void queryClient.invalidateQueries({ queryKey: trpc.market.pathKey() });
        router.push(r.accepted ? '/agency/cases' : '/agency/market');
      },
    }),
  );
  const p = query.data;
  const error = errorInfo(query.error) ?? errorInfo(answer.error);
  const isOpen = p?.status === 'open' && p.closesAt !== null && p.closesAt.getTime() > Date.now();
  return (
    <>
      <PageTitle
        title={p?.name ?? t('market.title')}
        subtitle={p ? `${p.creditorName} · ${t('packages.terms.closesAt')} ${formatDateTime(p.closesAt)}` : undefined}
        actions={
          <Link className="text-sm text-amber-700 underline" href="/agency/market">
            {t('market.back')}
          </Link>
        }
      />
      {error ? <Alert testId="market-error">{error.message}</Alert> : null}
      {p ? (
        <div className="space-y-6">
          {p.offer ? (
            <Card title={t('market.offer.title')}>
              <p className="mb-3 text-sm text-slate-700" data-testid="offer-terms">
                {t('market.offer.terms', {
                  creditor: p.creditorName,
                  fee: bpToPercent(p.offer.feeBp),
                  deadline: formatDateTime(p.offer.expiresAt),
                })}
              </p>
              {answer.data ? (
                <Alert tone="success" testId="offer-answered">
                  {answer.data.accepted
                    ? t('market.offer.accepted', { count: answer.data.caseCount })
                    : t('market.offer.declined')}
                </Alert>
              ) : canBid ? (
                <div className="flex gap-2">
                  <Button
                    onClick={() => answer.mutate({ packageId, accept: true })}
                    disabled={answer.isPending}
                    data-testid="offer-accept"
                  >
                    {t('market.offer.accept')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => answer.mutate({ packageId, accept: false })}
                    disabled={answer.isPending}
                    data-testid="offer-decline"
                  >
                    {t('market.offer.decline')}
                  </Button>
                </div>
              ) : null}
            </Card>
          ) : null}
          <Card title={t('market.creditorScore')}>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium text-slate-900">{p.creditorName}</span>
              <CreditorScore score={p.creditorScore} testId="market-creditor-score" />
            </div>
            <p className="mt-2 text-xs text-slate-500">{t('market.creditorScoreHint')}</p>
          </Card>
          <Card title={t('packages.statusLabel')} actions={<PackageStatusBadge status={p.status} />}>
            <dl className="grid gap-x-6 gap-y-2 text-sm md:grid-cols-2" data-testid="market-terms">
              {(
                [
                  [t('packages.terms.commission'), `${p.commissionStart ?? '—'} ~ ${p.commissionEnd ?? '—'}`],
                  [
                    t('packages.terms.expectedRecovery'),
                    p.expectedRecoveryBp === null ? '—' : `${bpToPercent(p.expectedRecoveryBp)}%`,
                  ],
                  [
                    t('packages.terms.minTier'),
                    p.minTier ? t('packages.terms.tierOrBetter', { tier: p.minTier }) : t('packages.terms.anyTier'),
                  ],
                  [t('packages.terms.channels'), p.allowedChannels.map((c) => t(`channel.${c}`)).join('、')],
                  [
                    t('packages.terms.bands'),
                    t('packages.terms.bandsValue', {
                      reduction: bpToPercent(p.maxReductionBp),
                      instalments: p.maxInstalments,
                    }),
                  ],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="flex gap-2">
                  <dt className="w-32 shrink-0 text-slate-500">{k}</dt>
                  <dd className="text-slate-900">{v}</dd>
                </div>
              ))}
            </dl>
          </Card>
          <FiguresCard figures={p.figures} />
          <Card title={t('market.sample', { count: p.sample.length })}>
            <p className="mb-2 text-xs text-slate-500">{t('market.sampleHint')}</p>
            <Table
              testId="market-sample"
              head={[
                t('cases.bucket'),
                t('cases.daysOverdue'),
                t('cases.amountOverdue'),
                t('cases.principal'),
                t('cases.region'),
                t('cases.product'),
                t('cases.loanDate'),
              ]}
            >
              {p.sample.map((c, i) => (
                <tr key={i}>
                  <Td>{bucketLabel(c.bucket)}</Td>
                  <Td className="tabular-nums">{c.daysOverdue}</Td>
                  <Td className="tabular-nums">{formatFen(c.amountOverdue)}</Td>
                  <Td className="tabular-nums">{formatFen(c.principalOutstanding)}</Td>
                  <Td>
                    {c.province ? t(`province.${c.province}`) : '—'} {c.city ?? ''}
                  </Td>
                  <Td>{c.product ?? '—'}</Td>
                  <Td>{c.loanDate ?? '—'}</Td>
                </tr>
              ))}
            </Table>
          </Card>
          <Card
            title={t('market.bid.title')}
            actions={
              p.myBid ? (
                <Badge tone={p.myBid.status === 'won' ? 'green' : 'blue'}>{t(`bids.status.${p.myBid.status}`)}</Badge>
              ) : null
            }
          >
            {isOpen && canBid ? (
              <BidForm key={p.id} pkg={p} />
            ) : (
              <p className="text-sm text-slate-600" data-testid="bid-closed">
                {p.myBid
                  ? t('market.bid.yours', {
                      fee: bpToPercent(p.myBid.feeBp),
                      status: t(`bids.status.${p.myBid.status}`),
                    })
                  : isOpen
                    ? t('market.bid.adminOnly')
                    : t('market.bid.closed')}
              </p>
            )}
          </Card>
        </div>
      ) : null}
    </>
  );
};
