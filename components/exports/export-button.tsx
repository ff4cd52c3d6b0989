'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { useTranslations } from 'use-intl';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/enums';
import type { TExport, ZStartExportInput } from '@/server/api/routers/exports/exports.schema';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Button } from '../ui/button';
import { Select } from '../ui/field';

type ExportRequest = Omit<z.input<typeof ZStartExportInput>, 'format'>;

const isWorking = (e: TExport | undefined) => e?.status === 'queued' || e?.status === 'running';

/**
 * Exports the list as the screen filters it: the job runs in the background, the rows
 * written so far show while it does, and the file downloads when it is done.
 */
export const ExportButton = ({ request }: { request: ExportRequest }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const start = useMutation(trpc.exports.start.mutationOptions());
  const exportId = start.data?.id;
  const status = useQuery(
    trpc.exports.get.queryOptions(
      { exportId: exportId ?? '' },
      { enabled: Boolean(exportId), refetchInterval: (q) => (isWorking(q.state.data) ? 1000 : false) },
    ),
  );
  const e = status.data ?? start.data;
  const error = errorInfo(start.error);
  return (
    <div className="flex flex-col items-end gap-1 text-sm" data-testid="export" data-list={request.list}>
      <div className="flex items-center gap-2">
        <Select
          aria-label={t('exports.format')}
          value={format}
          onChange={(ev) => setFormat(ev.target.value as ExportFormat)}
          className="w-24"
          data-testid="export-format"
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </Select>
        <Button
          variant="secondary"
          className="whitespace-nowrap"
          title={t('exports.hint')}
          disabled={start.isPending || isWorking(e)}
          onClick={() => start.mutate({ ...request, format } as z.input<typeof ZStartExportInput>)}
          data-testid="export-start"
        >
          {e && !isWorking(e) ? t('exports.again') : t('exports.button')}
        </Button>
      </div>
      {error ? <span className="text-xs text-red-600">{error.message}</span> : null}
      {e && isWorking(e) ? (
        <div className="w-56" data-testid="export-progress">
          <div className="h-1.5 w-full overflow-hidden rounded bg-slate-100">
            <div className="h-1.5 w-1/3 animate-pulse rounded bg-amber-500" />
          </div>
          <span className="text-xs text-slate-500">
            {e.status === 'queued' ? t('exports.queued') : t('exports.running', { rows: e.rowCount.toLocaleString() })}
          </span>
        </div>
      ) : null}
      {e?.status === 'succeeded' && e.fileId ? (
        <span className="text-xs text-slate-600" data-testid="export-done">
          {t('exports.done', { rows: e.rowCount.toLocaleString() })} ·{' '}
          <a
            className="font-medium text-amber-700 underline"
            href={`/api/files/${e.fileId}?download=1&name=${encodeURIComponent(e.fileName)}`}
            data-testid="export-download"
          >
            {t('exports.download', { name: e.fileName })}
          </a>
        </span>
      ) : null}
      {e?.status === 'succeeded' && e.isExpired ? (
        <span className="text-xs text-slate-500" data-testid="export-expired">
          {t('exports.expired')}
        </span>
      ) : null}
      {e?.status === 'failed' ? (
        <span className="text-xs text-red-600" data-testid="export-failed">
          {t('exports.failed', { reason: t(`errors.${e.error ?? 'internal'}`) })}
        </span>
      ) : null}
    </div>
  );
};
