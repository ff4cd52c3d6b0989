'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { TImportView } from '@/server/api/routers/cases/cases.schema';
import type { ImportKind } from '@/lib/enums';
import { formatDateTime, formatFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card, PageTitle } from '../ui/card';
import { ProgressBar } from '../ui/progress';
import { EmptyRow, Table, Td } from '../ui/table';
import { ImportStatusBadge } from './import-status';
import { IMPORT_KIND_VIEW } from './import-upload';

const isWorking = (v: TImportView | undefined) => v?.status === 'queued' || v?.status === 'running';

/** What a repayment file did: reports confirmed, direct payments recorded, rows already on record. */
const RepaymentSummary = ({ v }: { v: TImportView }) => {
  const t = useTranslations('repaymentImports');
  if (!v.summary) return null;
  const s = v.summary;
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" data-testid="import-summary">
      {(
        [
          ['matched', s.matched.toLocaleString()],
          ['direct', s.direct.toLocaleString()],
          ['alreadyRecorded', s.alreadyRecorded.toLocaleString()],
          ['amount', formatFen(s.amount)],
        ] as const
      ).map(([key, value]) => (
        <div key={key} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <dt className="text-xs text-slate-500">{t(`summary.${key}`)}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900" data-testid={`summary-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
};

/** Reading and checking moves the bar by bytes; once every row is checked, by rows written (where the job can tell). */
const isWriting = (v: TImportView) => v.status === 'running' && v.bytesTotal > 0 && v.bytesRead >= v.bytesTotal;
const progressOf = (v: TImportView) => {
  if (isWriting(v)) return v.rowsWritten > 0 && v.rowCount > 0 ? v.rowsWritten / v.rowCount : 1;
  return v.bytesTotal > 0 ? v.bytesRead / v.bytesTotal : 0;
};
const progressLabel = (v: TImportView, t: ReturnType<typeof useTranslations>) => {
  if (v.status === 'queued') return t('imports.queued');
  const rows = v.rowCount.toLocaleString();
  if (!isWriting(v)) return t('imports.checking', { rows });
  return v.rowsWritten > 0
    ? t('imports.writingCount', { done: v.rowsWritten.toLocaleString(), rows })
    : t('imports.writing', { rows });
};

/** One import: its progress while the job runs, then what landed or every reason it did not. */
export const ImportDetail = ({ importId, kind = 'cases' }: { importId: string; kind?: ImportKind }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const refetchInterval = (q: { state: { data?: TImportView | undefined } }) =>
    isWorking(q.state.data) ? 1000 : false;
  const query = useQuery(
    kind === 'cases'
      ? trpc.cases.imports.get.queryOptions({ importId }, { refetchInterval })
      : kind === 'updates'
        ? trpc.cases.updates.get.queryOptions({ importId }, { refetchInterval })
        : trpc.repayments.imports.get.queryOptions({ importId }, { refetchInterval }),
  );
  const view = IMPORT_KIND_VIEW[kind];
  const back = kind === 'repayments' ? '/creditor/repayments' : '/creditor/imports';
  const v = query.data;
  const error = errorInfo(query.error);
  return (
    <>
      <PageTitle
        title={v ? v.fileName : t('imports.title')}
        subtitle={
          v
            ? `${formatDateTime(v.createdAt)}${v.format ? ` · ${v.format.toUpperCase()}` : ''}${v.encoding ? ` · ${v.encoding.toUpperCase()}` : ''}`
            : undefined
        }
        actions={
          <Link className="text-sm text-amber-700 underline" href={back}>
            {t(`${view.texts}.back`)}
          </Link>
        }
      />
      {error ? <Alert testId="import-error">{error.message}</Alert> : null}
      {v ? (
        <div className="space-y-6">
          <Card title={t('imports.result')} actions={<ImportStatusBadge status={v.status} />}>
            {isWorking(v) ? (
              <div className="space-y-2" data-testid="import-working">
                <ProgressBar value={progressOf(v)} label={progressLabel(v, t)} testId="import-progress" />
                <p className="text-xs text-slate-500">{t('imports.workingHint')}</p>
              </div>
            ) : v.status === 'succeeded' ? (
              <div className="space-y-2">
                <Alert tone="success" testId="import-succeeded">
                  {t(`${view.texts}.succeeded`, { rows: v.rowCount.toLocaleString() })}
                </Alert>
                <RepaymentSummary v={v} />
                {v.extraColumns.length > 0 ? (
                  <p className="text-sm text-slate-600">
                    {t('imports.extraColumns', { columns: v.extraColumns.join('、') })}
                  </p>
                ) : null}
              </div>
            ) : v.fileError ? (
              <div className="space-y-3">
                <Alert testId="import-file-error">{t(`import.file.${v.fileError.code}`, v.fileError.values)}</Alert>
                <p className="text-sm text-slate-600">{t(`${view.texts}.nothingWritten`)}</p>
              </div>
            ) : (
              <div className="space-y-3">
                <Alert testId="import-rejected">
                  {t(`${view.texts}.rejected`, {
                    rows: v.rowCount,
                    errors: v.errorCount,
                  })}
                </Alert>
                <div className="flex flex-wrap items-center gap-4 text-sm">
                  {v.reportFileId ? (
                    <a
                      className="font-medium text-amber-700 underline"
                      href={`/api/files/${v.reportFileId}?name=${encodeURIComponent(`${v.fileName.replace(/\.[^.]+$/, '')}-错误报告.csv`)}`}
                      data-testid="import-report"
                    >
                      {t('imports.downloadReport')}
                    </a>
                  ) : null}
                  <Link className="text-amber-700 underline" href={back} data-testid="import-again">
                    {t('imports.uploadFixed')}
                  </Link>
                </div>
              </div>
            )}
          </Card>
          {v.errors.length > 0 ? (
            <Card title={t('imports.errorsTitle', { shown: v.errors.length, total: v.errorCount })}>
              <Table testId="import-errors" head={[t('imports.row'), t('imports.column'), t('imports.reason')]}>
                {v.errors.length === 0 ? (
                  <EmptyRow colSpan={3}>—</EmptyRow>
                ) : (
                  v.errors.map((e, i) => (
                    <tr key={`${e.row}-${e.column}-${i}`} data-testid="import-error-row">
                      <Td className="tabular-nums">{e.row}</Td>
                      <Td>{e.column}</Td>
                      <Td className="whitespace-normal">{t(`import.row.${e.code}`, e.values)}</Td>
                    </tr>
                  ))
                )}
              </Table>
            </Card>
          ) : null}
        </div>
      ) : null}
    </>
  );
};
