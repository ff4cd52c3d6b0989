'use client';

import { useTranslations } from 'use-intl';
import type { TDocumentView } from '@/server/api/routers/admission/admission.schema';
import { formatBytes, formatDateTime } from '@/lib/format';
import { Button } from '../ui/button';

/** Where a stored file opens: the download route checks the session and the same access rules as procedures. */
export const fileHref = (fileId: string, name: string) => `/api/files/${fileId}?name=${encodeURIComponent(name)}`;

/** Attached documents with their type, size, hash prefix and a link that opens them. */
export const DocumentList = ({
  documents,
  onRemove,
  isRemoving,
}: {
  documents: readonly TDocumentView[];
  onRemove?: (id: string) => void;
  isRemoving?: boolean;
}) => {
  const t = useTranslations();
  if (documents.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="no-documents">
        {t('documents.none')}
      </p>
    );
  return (
    <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" data-testid="document-list">
      {documents.map((d) => (
        <li key={d.id} className="flex items-center gap-3 px-3 py-2 text-sm" data-testid="document-row">
          <span className="w-24 shrink-0 text-slate-500">{t(`admission.documentKind.${d.kind}`)}</span>
          <a
            href={fileHref(d.fileId, d.fileName)}
            target="_blank"
            rel="noreferrer"
            className="min-w-0 flex-1 truncate font-medium text-amber-800 hover:underline"
          >
            {d.fileName}
          </a>
          <span className="hidden text-xs text-slate-500 sm:inline" title={`SHA-256 ${d.sha256}`}>
            {d.mime === 'application/pdf' ? 'PDF' : d.mime === 'image/png' ? 'PNG' : 'JPEG'} · {formatBytes(d.size)} ·{' '}
            {d.sha256.slice(0, 8)}
          </span>
          <span className="hidden text-xs text-slate-400 md:inline">{formatDateTime(d.createdAt)}</span>
          {onRemove ? (
            <Button
              variant="dangerGhost"
              onClick={() => onRemove(d.id)}
              disabled={isRemoving}
              data-testid="remove-document"
            >
              {t('documents.remove')}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
};
