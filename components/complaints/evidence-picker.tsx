'use client';

import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { TPublicComplaintInput } from '@/server/api/routers/complaints/complaints.schema';
import { formatBytes } from '@/lib/format';
import { uploadFile, UploadError } from '../files/upload';
import { Button } from '../ui/button';
import { ProgressBar } from '../ui/progress';

export type Evidence = TPublicComplaintInput['evidence'][number];
type Item = {
  key: string;
  name: string;
  size: number;
  progress: number;
  uploadId: string | null;
  error: string | null;
};

const MAX_FILES = 6;
/** What the filing names: the files whose upload finished. */
const uploadedOf = (items: readonly Item[]): Evidence[] =>
  items.filter((i) => i.uploadId).map((i) => ({ uploadId: i.uploadId ?? '', fileName: i.name }));

/**
 * Photos, screenshots, call recordings, video or PDFs attached to a complaint. Each file is
 * uploaded as soon as it is chosen, with its progress; the filing names the uploads.
 */
export const EvidencePicker = ({
  onChange,
  max = MAX_FILES,
}: {
  onChange: (evidence: Evidence[]) => void;
  /** How many files may be attached. */
  max?: number;
}) => {
  const t = useTranslations('complaints');
  const [items, setItems] = useState<Item[]>([]);
  const publish = (next: Item[]) => {
    setItems(next);
    onChange(uploadedOf(next));
  };
  const update = (key: string, patch: Partial<Item>) =>
    setItems((prev) => {
      const next = prev.map((i) => (i.key === key ? { ...i, ...patch } : i));
      onChange(uploadedOf(next));
      return next;
    });
  const choose = (files: FileList | null) => {
    if (!files) return;
    const room = max - items.length;
    const picked = [...files].slice(0, Math.max(0, room)).map((f) => ({
      file: f,
      item: {
        key: `${f.name}-${f.size}-${Math.random()}`,
        name: f.name,
        size: f.size,
        progress: 0,
        uploadId: null,
        error: null,
      },
    }));
    publish([...items, ...picked.map((p) => p.item)]);
    for (const { file, item } of picked) {
      uploadFile<{ id: string }>(file, (progress) => update(item.key, { progress }), 'complaints.uploadEvidence')
        .then((u) => update(item.key, { uploadId: u.id, progress: 1 }))
        .catch((e: unknown) =>
          update(item.key, { error: e instanceof UploadError && e.info.message ? e.info.message : t('uploadFailed') }),
        );
    }
  };
  return (
    <div className="space-y-2" data-testid="evidence-picker">
      <label
        className={`inline-flex cursor-pointer items-center rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 ${items.length >= max ? 'pointer-events-none opacity-50' : ''}`}
      >
        {t('chooseFiles')}
        <input
          type="file"
          multiple={max > 1}
          accept="image/*,audio/*,video/*,application/pdf"
          disabled={items.length >= max}
          onChange={(e) => {
            choose(e.target.files);
            e.target.value = '';
          }}
          data-testid="evidence-input"
          className="sr-only"
        />
      </label>
      <p className="text-xs text-slate-500">{t('evidenceHint', { max })}</p>
      {items.map((i) => (
        <div key={i.key} className="flex items-center gap-3 text-sm" data-testid="evidence-item">
          <span className="min-w-0 flex-1 truncate">
            {i.name} <span className="text-slate-500">({formatBytes(i.size)})</span>
          </span>
          {i.error ? (
            <span className="text-xs text-red-600" data-testid="evidence-error">
              {i.error}
            </span>
          ) : i.uploadId ? (
            <span className="text-xs text-emerald-700" data-testid="evidence-done">
              {t('uploaded')}
            </span>
          ) : (
            <div className="w-40">
              <ProgressBar value={i.progress} label={t('uploading')} />
            </div>
          )}
          <Button variant="ghost" onClick={() => publish(items.filter((x) => x.key !== i.key))}>
            {t('remove')}
          </Button>
        </div>
      ))}
    </div>
  );
};
