'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { ImportKind } from '@/lib/enums';
import { ExportButton } from '../exports/export-button';
import { formatDateTime, formatFen } from '@/lib/format';
import { useTRPC } from '../trpc/react';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { ImportStatusBadge } from './import-status';
import { IMPORT_KIND_VIEW, ImportUpload } from './import-upload';

/** Earlier files of one kind with their outcome, newest first. */
export const ImportHistory = ({ kind }: { kind: ImportKind }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const options = {
    getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined,
    staleTime: 0,
  };
  const list = useInfiniteQuery(
    kind === 'cases'
      ? trpc.cases.imports.list.infiniteQueryOptions({ limit: 20 }, options)
      : kind === 'updates'
        ? trpc.cases.updates.list.infiniteQueryOptions({ limit: 20 }, options)
        : trpc.repayments.imports.list.infiniteQueryOptions({ limit: 20 }, options),
  );
  const rows = rowsOf(list.data);
  const view = IMPORT_KIND_VIEW[kind];
  const head = [
    t('imports.at'),
    t('imports.file'),
    t('imports.statusLabel'),
    t('imports.rows'),
    t('imports.errorCount'),
    ...(kind === 'repayments' ? [t('repaymentImports.outcome')] : []),
  ];
  return (
    <Card
      title={t(`${view.texts}.history`)}
      actions={<ExportButton request={{ list: 'creditor.imports', filters: { kind } }} />}
    >
      <Table testId={kind === 'updates' ? 'updates-table' : 'imports-table'} head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t(`${view.texts}.empty`)}</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id} data-testid={kind === 'updates' ? 'update-row' : 'import-row'}>
              <Td className="font-mono text-xs">{formatDateTime(r.createdAt)}</Td>
              <Td>
                <Link className="text-amber-700 underline" href={`${view.page}/${r.id}`}>
                  {r.fileName}
                </Link>
              </Td>
              <Td>
                <ImportStatusBadge status={r.status} />
              </Td>
              <Td className="tabular-nums">{r.rowCount.toLocaleString()}</Td>
              <Td className="tabular-nums">
                {r.errorCount > 0 ? r.errorCount.toLocaleString() : r.fileError ? '—' : 0}
              </Td>
              {kind === 'repayments' ? (
                <Td className="text-xs">
                  {r.summary
                    ? t('repaymentImports.outcomeLine', {
                        matched: r.summary.matched,
                        direct: r.summary.direct,
                        amount: formatFen(r.summary.amount),
                      })
                    : '—'}
                </Td>
              ) : null}
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};

/** The creditor's case imports: upload a new file, and every earlier import with its outcome. */
export const ImportsScreen = ({ canImport }: { canImport: boolean }) => {
  const t = useTranslations();
  return (
    <>
      <PageTitle title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <div className="space-y-6">
        {canImport ? <ImportUpload /> : null}
        <ImportHistory kind="cases" />
        {canImport ? <ImportUpload kind="updates" /> : null}
        <ImportHistory kind="updates" />
      </div>
    </>
  );
};
