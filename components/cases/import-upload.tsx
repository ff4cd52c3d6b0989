'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import type { ImportKind } from '@/lib/enums';
import { FILE_MAX_BYTES } from '@/lib/file-types';
import {
  CASE_IMPORT_COLUMNS,
  CASE_UPDATE_COLUMNS,
  MAX_CASE_CONTACTS,
  MAX_UPDATE_CONTACTS,
  MAX_REPAYMENT_IMPORT_ROWS,
  REPAYMENT_IMPORT_COLUMNS,
} from '@/lib/import-formats';
import { uploadFile, UploadError } from '../files/upload';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { ProgressBar } from '../ui/progress';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_MB = Math.round(FILE_MAX_BYTES['text/csv'] / (1024 * 1024));

/** Where each kind of file is described, started and followed. */
export const IMPORT_KIND_VIEW = {
  cases: {
    columns: CASE_IMPORT_COLUMNS,
    texts: 'imports',
    page: '/creditor/imports',
    template: '/case-import-template.csv',
  },
  repayments: {
    columns: REPAYMENT_IMPORT_COLUMNS,
    texts: 'repaymentImports',
    page: '/creditor/repayments/imports',
    template: '/repayment-import-template.csv',
  },
  updates: {
    columns: CASE_UPDATE_COLUMNS,
    texts: 'caseUpdates',
    page: '/creditor/imports/updates',
    template: '/case-update-template.csv',
  },
} as const;

/**
 * Upload of a case or repayment file: the bytes go up with a progress bar, then the import
 * is queued and its page follows the checking and writing.
 */
export const ImportUpload = ({ kind = 'cases' }: { kind?: ImportKind }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; value: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const start = useMutation(
    kind === 'cases'
      ? trpc.cases.imports.start.mutationOptions()
      : kind === 'updates'
        ? trpc.cases.updates.start.mutationOptions()
        : trpc.repayments.imports.start.mutationOptions(),
  );
  const view = IMPORT_KIND_VIEW[kind];

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    start.reset();
    // Checked here only to spare a long upload; the server checks again, by the bytes.
    if (file.size > FILE_MAX_BYTES['text/csv']) {
      setUploadError(t('errors.file.tooLarge', { maxMb: MAX_MB }));
      return;
    }
    setProgress({ name: file.name, value: 0 });
    try {
      const stored = await uploadFile(file, (value) => setProgress({ name: file.name, value }));
      const started = await start.mutateAsync({ fileId: stored.id, fileName: file.name });
      router.push(`${view.page}/${started.id}`);
    } catch (e) {
      if (e instanceof UploadError) setUploadError(e.info.message || t('documents.uploadFailed'));
      setProgress(null);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const startError = errorInfo(start.error);
  return (
    <Card title={t(`${view.texts}.upload.title`)}>
      <div className="space-y-4">
        <p className="text-sm text-slate-600">
          {t(`${view.texts}.upload.intro`, { maxMb: MAX_MB, maxRows: MAX_REPAYMENT_IMPORT_ROWS.toLocaleString() })}
        </p>
        <div className="text-sm">
          <div className="mb-1 font-medium text-slate-800">{t('imports.upload.required')}</div>
          <ul
            className="flex flex-wrap gap-2"
            data-testid={kind === 'updates' ? 'update-required-columns' : 'import-required-columns'}
          >
            {view.columns
              .filter((c) => c.required)
              .map((c) => (
                <li key={c.field} className="rounded bg-amber-50 px-2 py-0.5 text-amber-900 ring-1 ring-amber-200">
                  {c.zh} <code className="text-xs text-amber-700">{c.alias}</code>
                </li>
              ))}
          </ul>
          <div className="mt-3 mb-1 font-medium text-slate-800">{t('imports.upload.optional')}</div>
          <ul className="flex flex-wrap gap-2">
            {view.columns
              .filter((c) => !c.required)
              .map((c) => (
                <li key={c.field} className="rounded bg-slate-50 px-2 py-0.5 text-slate-700 ring-1 ring-slate-200">
                  {c.zh} <code className="text-xs text-slate-500">{c.alias}</code>
                </li>
              ))}
            {kind === 'repayments' ? null : (
              <li className="rounded bg-slate-50 px-2 py-0.5 text-slate-700 ring-1 ring-slate-200">
                {t('imports.upload.contacts', { max: kind === 'cases' ? MAX_CASE_CONTACTS : MAX_UPDATE_CONTACTS })}
              </li>
            )}
          </ul>
          <p className="mt-2 text-xs text-slate-500">{t(`${view.texts}.upload.rules`)}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
          <input
            ref={input}
            id={`import-file-${kind}`}
            type="file"
            accept={ACCEPT}
            className="sr-only"
            data-testid={kind === 'updates' ? 'update-file' : 'import-file'}
            disabled={progress !== null}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
          <Button
            onClick={() => input.current?.click()}
            disabled={progress !== null}
            data-testid={kind === 'updates' ? 'choose-update' : 'choose-import'}
          >
            {t('imports.upload.choose')}
          </Button>
          <a
            className="text-sm text-amber-700 underline"
            href={view.template}
            download
            data-testid={kind === 'updates' ? 'update-template' : 'import-template'}
          >
            {t('imports.upload.template')}
          </a>
          {progress ? (
            <div className="w-full">
              <ProgressBar
                value={progress.value}
                label={t('documents.uploading', { name: progress.name })}
                testId="upload-progress"
              />
            </div>
          ) : null}
        </div>
        {uploadError ? <Alert testId="upload-error">{uploadError}</Alert> : null}
        {startError ? <Alert testId="upload-error">{startError.message}</Alert> : null}
      </div>
    </Card>
  );
};
