'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Province } from '@/lib/enums';
import { ExportButton } from '../exports/export-button';
import { bpToPercent, formatDateTime, formatFen } from '@/lib/format';
import { BucketSelect, ProvinceSelect } from '../packages/region-selects';
import { useTRPC } from '../trpc/react';
import { Badge } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { SuspensionNotice } from '../sanctions/suspension-notice';
import { CreditorScore } from './creditor-score';
import { MyBids } from './my-bids';

/** Open packages the agency may bid on, with filters and sorting, and its own bids. */
export const MarketScreen = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [sort, setSort] = useState<'closing' | 'newest'>('closing');
  const [province, setProvince] = useState<Province | ''>('');
  const [bucket, setBucket] = useState<number | ''>('');
  const filters = { sort, ...(province ? { province } : {}), ...(bucket ? { bucket } : {}) };
  const list = useInfiniteQuery(
    trpc.market.list.infiniteQueryOptions(
      { ...filters, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  return (
    <>
      <PageTitle
        title={t('market.title')}
        subtitle={t('market.subtitle')}
        actions={<ExportButton request={{ list: 'agency.market', filters }} />}
      />
      <SuspensionNotice />
      <div className="space-y-6">
        <Card>
          <div className="mb-4 grid gap-3 md:grid-cols-4">
            <Filter label={t('market.sort')}>
              <Select
                value={sort}
                onChange={(e) => setSort(e.target.value as 'closing' | 'newest')}
                data-testid="market-sort"
              >
                <option value="closing">{t('market.sortClosing')}</option>
                <option value="newest">{t('market.sortNewest')}</option>
              </Select>
            </Filter>
            <Filter label={t('market.province')}>
              <ProvinceSelect value={province} onChange={setProvince} testId="market-province" />
            </Filter>
            <Filter label={t('market.bucket')}>
              <BucketSelect value={bucket} onChange={setBucket} testId="market-bucket" />
            </Filter>
          </div>
          <Table
            testId="market-table"
            head={[
              t('market.package'),
              t('market.creditor'),
              t('packages.figures.caseCount'),
              t('packages.figures.totalOverdue'),
              t('packages.terms.expectedRecovery'),
              t('packages.terms.minTier'),
              t('packages.terms.closesAt'),
            ]}
          >
            {list.isPending ? (
              <EmptyRow colSpan={7}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={7}>{t('market.empty')}</EmptyRow>
            ) : (
              rows.map((p) => (
                <tr key={p.id} data-testid="market-row">
                  <Td>
                    <Link className="text-amber-700 underline" href={`/agency/market/${p.id}`}>
                      {p.name}
                    </Link>
                    {p.status === 'offered' ? (
                      <span className="ml-2">
                        <Badge tone="amber">{t('market.offer.title')}</Badge>
                      </span>
                    ) : null}
                  </Td>
                  <Td>
                    <div>{p.creditorName}</div>
                    <div className="mt-1 flex items-center gap-1 text-xs text-slate-500">
                      {t('market.creditorScore')}
                      <CreditorScore score={p.creditorScore} isCompact />
                    </div>
                  </Td>
                  <Td className="tabular-nums">{p.figures.caseCount.toLocaleString()}</Td>
                  <Td className="tabular-nums">{formatFen(p.figures.totalOverdue)}</Td>
                  <Td className="tabular-nums">
                    {p.expectedRecoveryBp === null ? '—' : `${bpToPercent(p.expectedRecoveryBp)}%`}
                  </Td>
                  <Td>{p.minTier ?? t('packages.terms.anyTier')}</Td>
                  <Td className="font-mono text-xs">{formatDateTime(p.closesAt)}</Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
        <MyBids />
      </div>
    </>
  );
};
