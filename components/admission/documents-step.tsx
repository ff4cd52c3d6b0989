'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslations } from 'use-intl';
import { ADMISSION_DOCUMENT_KINDS, type AdmissionDocumentKind } from '@/lib/enums';
import { MAX_DOCUMENTS_PER_APPLICATION, REQUIRED_DOCUMENTS } from '@/lib/admission';
import { FILE_MAX_BYTES } from '@/lib/file-types';
import type { TApplicationView } from '@/server/api/routers/admission/admission.schema';
import { DocumentList } from '../files/document-list';
import { uploadFile, UploadError } from '../files/upload';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Select } from '../ui/field';
import { ProgressBar } from '../ui/progress';
import type { StepProps } from './section-kit';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const MAX_MB = Math.round(FILE_MAX_BYTES['application/pdf'] / (1024 * 1024));

/**
 * The documents step: the licence (required) and certificates. Each file is uploaded with
 * a progress bar, checked on the server by its bytes, then attached under its kind.
 */
export const DocumentsStep = ({ view, canEdit }: StepProps) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const required = REQUIRED_DOCUMENTS[view.kind];
  const firstMissing = required.find((k) => !view.documents.some((d) => d.kind === k));
  const [kind, setKind] = useState<AdmissionDocumentKind>(firstMissing ?? 'certificate');
  const [progress, setProgress] = useState<{ name: string; value: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const kinds = ADMISSION_DOCUMENT_KINDS.filter((k) => k === 'certificate' || k === 'other' || required.includes(k));

  // Stays on this step after an upload: certificates may follow the licence.
  const onChanged = (next: TApplicationView) =>
    queryClient.setQueryData(trpc.admission.application.get.queryKey(), next);
  const attach = useMutation(trpc.admission.application.documents.attach.mutationOptions({ onSuccess: onChanged }));
  const remove = useMutation(trpc.admission.application.documents.remove.mutationOptions({ onSuccess: onChanged }));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setUploadError(null);
    attach.reset();
    // Checked here only to spare a long upload; the server checks again, by the bytes.
    if (file.size > FILE_MAX_BYTES['application/pdf']) {
      setUploadError(t('errors.file.tooLarge', { maxMb: MAX_MB }));
      return;
    }
    setProgress({ name: file.name, value: 0 });
    try {
      const stored = await uploadFile(file, (value) => setProgress({ name: file.name, value }));
      const next = await attach.mutateAsync({ fileId: stored.id, kind, fileName: file.name });
      setKind(REQUIRED_DOCUMENTS[next.kind].find((k) => !next.documents.some((d) => d.kind === k)) ?? 'certificate');
    } catch (e) {
      if (e instanceof UploadError) setUploadError(e.info.message || t('documents.uploadFailed'));
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const attachError = errorInfo(attach.error) ?? errorInfo(remove.error);
  const isFull = view.documents.length >= MAX_DOCUMENTS_PER_APPLICATION;
  return (
    <div className="space-y-5" data-testid="step-documents">
      <p className="text-sm text-slate-600">{t('documents.intro', { maxMb: MAX_MB })}</p>
      <ul className="flex flex-wrap gap-3 text-sm" data-testid="required-documents">
        {required.map((k) => {
          const isPresent = view.documents.some((d) => d.kind === k);
          return (
            <li key={k} className={isPresent ? 'text-emerald-700' : 'text-amber-800'}>
              {isPresent ? '✓' : '•'} {t(`admission.documentKind.${k}`)}{' '}
              {isPresent ? '' : `（${t('documents.required')}）`}
            </li>
          );
        })}
      </ul>
      <DocumentList
        documents={view.documents}
        onRemove={canEdit ? (documentId) => remove.mutate({ documentId }) : undefined}
        isRemoving={remove.isPending}
      />
      {canEdit ? (
        <div className="space-y-3 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
          <div className="grid gap-3 sm:grid-cols-[12rem_1fr] sm:items-end">
            <Field id="document-kind" label={t('documents.kind')}>
              <Select
                id="document-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as AdmissionDocumentKind)}
                disabled={progress !== null}
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`admission.documentKind.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="flex items-center gap-3">
              <input
                ref={input}
                id="document-file"
                type="file"
                accept={ACCEPT}
                className="sr-only"
                data-testid="document-file"
                disabled={progress !== null || isFull}
                onChange={(e) => void onFile(e.target.files?.[0])}
              />
              <Button
                onClick={() => input.current?.click()}
                disabled={progress !== null || isFull}
                data-testid="choose-document"
              >
                {t('documents.choose')}
              </Button>
              <span className="text-xs text-slate-500">
                {isFull
                  ? t('documents.full', { max: MAX_DOCUMENTS_PER_APPLICATION })
                  : t('documents.accepted', { maxMb: MAX_MB })}
              </span>
            </div>
          </div>
          {progress ? (
            <ProgressBar
              value={progress.value}
              label={t('documents.uploading', { name: progress.name })}
              testId="upload-progress"
            />
          ) : null}
          {uploadError ? <Alert testId="upload-error">{uploadError}</Alert> : null}
          {attachError ? <Alert testId="upload-error">{attachError.message}</Alert> : null}
        </div>
      ) : null}
    </div>
  );
};
