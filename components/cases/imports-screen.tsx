'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '../format';
import { useTRPC } from '../trpc/react';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { ImportStatusBadge } from './import-status';
import { ImportUpload } from './import-upload';

/** The creditor's case imports: upload a new file, and every earlier import with its outcome. */
export const ImportsScreen = ({ canImport }: { canImport: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.cases.imports.list.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 }));
  const rows = rowsOf(list.data);
  return (
    <>
      <PageTitle title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <div className="space-y-6">
        {canImport ? <ImportUpload /> : null}
        <Card title={t('imports.history')}>
          <Table testId="imports-table" head={[t('imports.at'), t('imports.file'), t('imports.statusLabel'), t('imports.rows'), t('imports.errorCount')]}>
            {list.isPending ? (
              <EmptyRow colSpan={5}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={5}>{t('imports.empty')}</EmptyRow>
            ) : (
              rows.map((r) => (
                <tr key={r.id} data-testid="import-row">
                  <Td className="font-mono text-xs">{formatDateTime(r.createdAt)}</Td>
                  <Td>
                    <Link className="text-amber-700 underline" href={`/creditor/imports/${r.id}`}>
                      {r.fileName}
                    </Link>
                  </Td>
                  <Td>
                    <ImportStatusBadge status={r.status} />
                  </Td>
                  <Td className="tabular-nums">{r.rowCount.toLocaleString()}</Td>
                  <Td className="tabular-nums">{r.errorCount > 0 ? r.errorCount.toLocaleString() : r.fileError ? '—' : 0}</Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
      </div>
    </>
  );
};
