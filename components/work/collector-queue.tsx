'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatFen } from '@/lib/format';
import { bucketLabel } from '../packages/figures';
import { useTRPC } from '../trpc/react';
import { pagedFresh } from '../trpc/paging';
import { collectorQueueInput } from './queries';
import { Badge, type Tone } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { Input } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

const TONE: Record<string, Tone> = {
  promiseDueToday: 'amber',
  new: 'blue',
  promiseBroken: 'red',
  promiseOpen: 'green',
  other: 'slate',
};

/** A collector's own cases, what is due first: promises due today, new cases, broken promises. */
export const CollectorQueue = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const list = useInfiniteQuery(trpc.work.queue.infiniteQueryOptions(collectorQueueInput(search), pagedFresh));
  const rows = rowsOf(list.data);
  return (
    <>
      <PageTitle title={t('agencyCases.mine')} subtitle={t('queue.subtitle')} />
      <Card>
        <div className="mb-4 max-w-sm">
          <Input
            aria-label={t('queue.search')}
            placeholder={t('queue.search')}
            defaultValue=""
            onKeyDown={(e) => {
              if (e.key === 'Enter') setSearch(e.currentTarget.value.trim());
            }}
            onBlur={(e) => setSearch(e.target.value.trim())}
            data-testid="queue-search"
          />
        </div>
        <Table
          testId="cases-table"
          head={[
            t('queue.due'),
            t('cases.contractNo'),
            t('cases.debtor'),
            t('cases.amountOverdue'),
            t('cases.bucket'),
            t('queue.promise'),
          ]}
        >
          {list.isPending ? (
            <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
          ) : rows.length === 0 ? (
            <EmptyRow colSpan={6}>{t('cases.empty')}</EmptyRow>
          ) : (
            rows.map((c) => (
              <tr key={c.id} data-testid="case-row">
                <Td>
                  <Badge tone={TONE[c.reason] ?? 'slate'}>{t(`queue.reason.${c.reason}`)}</Badge>
                </Td>
                <Td className="font-mono text-xs">
                  <Link className="text-amber-700 underline" href={`/agency/cases/${c.id}`}>
                    {c.contractNo}
                  </Link>
                </Td>
                <Td>{c.debtorName}</Td>
                <Td className="tabular-nums">{formatFen(c.amountOverdue)}</Td>
                <Td>
                  {bucketLabel(c.bucket)} <span className="text-xs text-slate-500">({c.daysOverdue})</span>
                </Td>
                <Td className="text-xs">
                  {c.nextPromise ? `${c.nextPromise} · ${formatFen(c.promiseAmount ?? 0)}` : '—'}
                </Td>
              </tr>
            ))
          )}
        </Table>
        <LoadMore list={list} />
      </Card>
    </>
  );
};
