'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { formatDate } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

const next = { getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined };

/** The published whitelist of admitted agencies and the ban list. */
export const AgencyLists = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const admitted = useInfiniteQuery(trpc.public.agencies.admitted.infiniteQueryOptions({ limit: 50 }, next));
  const banned = useInfiniteQuery(trpc.public.agencies.banned.infiniteQueryOptions({ limit: 50 }, next));
  const error = errorInfo(admitted.error ?? banned.error);
  const admittedRows = rowsOf(admitted.data);
  const bannedRows = rowsOf(banned.data);
  return (
    <div className="space-y-6">
      {error ? <Alert>{error.message}</Alert> : null}
      <Card title={t('publicLists.admittedTitle')}>
        <p className="mb-3 text-sm text-slate-500">{t('publicLists.admittedIntro')}</p>
        <Table testId="admitted-table" isStacked head={[t('overview.orgName'), t('overview.tier'), t('apply.basics.serviceProvinces'), t('publicLists.admittedSince'), t('overview.admissionExpires')]}>
          {admitted.isPending ? (
            <EmptyRow colSpan={5}>{t('common.loading')}</EmptyRow>
          ) : admittedRows.length === 0 ? (
            <EmptyRow colSpan={5}>{t('publicLists.none')}</EmptyRow>
          ) : (
            admittedRows.map((a) => (
              <tr key={a.name} data-testid="admitted-row">
                <Td className="font-medium text-slate-900">{a.name}</Td>
                <Td label={t('overview.tier')}>{a.tier ? <Badge tone="blue">{t('review.tierLabel', { tier: a.tier })}</Badge> : '—'}</Td>
                <Td className="whitespace-normal" label={t('apply.basics.serviceProvinces')}>{a.serviceProvinces.map((p) => t(`province.${p}`)).join('、') || a.province || '—'}</Td>
                <Td label={t('publicLists.admittedSince')}>{formatDate(a.admittedAt)}</Td>
                <Td label={t('overview.admissionExpires')}>{formatDate(a.admissionExpiresAt)}</Td>
              </tr>
            ))
          )}
        </Table>
        <LoadMore list={admitted} />
      </Card>
      <Card title={t('publicLists.bannedTitle')}>
        <p className="mb-3 text-sm text-slate-500">{t('publicLists.bannedIntro')}</p>
        <Table testId="banned-table" isStacked head={[t('overview.orgName'), t('fields.creditCode'), t('publicLists.bannedOn'), t('fields.banCategory')]}>
          {banned.isPending ? (
            <EmptyRow colSpan={4}>{t('common.loading')}</EmptyRow>
          ) : bannedRows.length === 0 ? (
            <EmptyRow colSpan={4}>{t('publicLists.none')}</EmptyRow>
          ) : (
            bannedRows.map((b) => (
              <tr key={b.creditCode} data-testid="banned-row">
                <Td className="font-medium text-slate-900">{b.name}</Td>
                <Td className="font-mono text-xs" label={t('fields.creditCode')}>{b.creditCode}</Td>
                <Td label={t('publicLists.bannedOn')}>{formatDate(b.bannedAt)}</Td>
                <Td label={t('fields.banCategory')}>
                  <Badge tone="red">{t(`banCategory.${b.banCategory}`)}</Badge>
                </Td>
              </tr>
            ))
          )}
        </Table>
        <LoadMore list={banned} />
      </Card>
    </div>
  );
};
