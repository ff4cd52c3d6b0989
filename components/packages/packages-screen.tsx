'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { PACKAGE_STATUSES, type PackageStatus } from '@/lib/enums';
import { formatDateTime, formatFen } from '@/lib/format';
import { useTRPC } from '../trpc/react';
import { pagedFresh } from '../trpc/paging';
import { packagesInput } from './queries';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Select } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { NewPackage } from './new-package';
import { PackageStatusBadge } from './package-status';

/** The creditor's packages with their status, and a form for a new one. */
export const PackagesScreen = ({ canManage }: { canManage: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [status, setStatus] = useState<PackageStatus | ''>('');
  const list = useInfiniteQuery(trpc.packages.list.infiniteQueryOptions(packagesInput(status), pagedFresh));
  const rows = rowsOf(list.data);
  return (
    <>
      <PageTitle
        title={t('packages.title')}
        subtitle={t('packages.subtitle')}
        actions={<ExportButton request={{ list: 'creditor.packages', filters: status ? { status } : {} }} />}
      />
      <div className="space-y-6">
        <Card
          title={t('packages.list')}
          actions={
            <Select
              aria-label={t('packages.statusFilter')}
              value={status}
              onChange={(e) => setStatus(e.target.value as PackageStatus | '')}
              data-testid="package-status-filter"
            >
              <option value="">{t('packages.allStatuses')}</option>
              {PACKAGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`packageStatus.${s}`)}
                </option>
              ))}
            </Select>
          }
        >
          <Table
            testId="packages-table"
            head={[
              t('packages.name'),
              t('packages.statusLabel'),
              t('packages.figures.caseCount'),
              t('packages.figures.totalOverdue'),
              t('packages.closesAt'),
            ]}
          >
            {list.isPending ? (
              <EmptyRow colSpan={5}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={5}>{t('packages.empty')}</EmptyRow>
            ) : (
              rows.map((p) => (
                <tr key={p.id} data-testid="package-row">
                  <Td>
                    <Link className="text-amber-700 underline" href={`/creditor/packages/${p.id}`}>
                      {p.name}
                    </Link>
                  </Td>
                  <Td>
                    <PackageStatusBadge status={p.status} />
                  </Td>
                  <Td className="tabular-nums">{p.figures.caseCount.toLocaleString()}</Td>
                  <Td className="tabular-nums">{formatFen(p.figures.totalOverdue)}</Td>
                  <Td className="font-mono text-xs">{formatDateTime(p.closesAt)}</Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
        {canManage ? <NewPackage /> : null}
      </div>
    </>
  );
};
