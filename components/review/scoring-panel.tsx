'use client';

import { useState, type FormEvent } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import type { TReviewView } from '@/server/api/routers/staff/admission.schema';
import type { ErrorInfo } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input } from '../ui/field';

type Scores = { key: string; score: number; note: string }[];

/** One score (0 to the criterion's weight) and a note per template criterion. */
export const ScoringPanel = ({
  view,
  canEdit,
  isPending,
  error,
  onSave,
}: {
  view: TReviewView;
  canEdit: boolean;
  isPending: boolean;
  error: ErrorInfo | null;
  onSave: (scores: Scores, hasFraudOrAbuse: boolean) => void;
}) => {
  const t = useTranslations();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const [localError, setLocalError] = useState<string | null>(null);
  const criteria = view.template?.criteria ?? [];
  const saved = new Map((view.review?.scores ?? []).map((s) => [s.key, s]));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const scores: Scores = [];
    for (const c of criteria) {
      const raw = String(f.get(`score-${c.key}`) ?? '').trim();
      if (!raw) continue;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > c.weight) {
        setLocalError(t('review.scoreRange', { label: c.label[locale], weight: c.weight }));
        return;
      }
      scores.push({ key: c.key, score: n, note: String(f.get(`note-${c.key}`) ?? '').trim() });
    }
    setLocalError(null);
    onSave(scores, f.get('hasFraudOrAbuse') === 'on');
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="scoring-form">
      <p className="text-xs text-slate-500">
        {t('review.templateVersion', { version: view.template?.version ?? '—' })}
      </p>
      {criteria.map((c) => (
        <div key={c.key} className="rounded-md bg-slate-50 p-2.5 ring-1 ring-slate-200">
          <div className="flex items-baseline justify-between gap-2">
            <span className="text-sm font-medium text-slate-900">{c.label[locale]}</span>
            <span className="text-xs text-slate-500">{t('review.weight', { weight: c.weight })}</span>
          </div>
          <p className="mb-1.5 text-xs text-slate-500">{c.guidance[locale]}</p>
          <div className="grid grid-cols-4 gap-2">
            <Input
              name={`score-${c.key}`}
              inputMode="numeric"
              defaultValue={saved.get(c.key)?.score ?? ''}
              disabled={!canEdit}
              aria-label={t('review.scoreOf', { label: c.label[locale] })}
              data-testid={`score-${c.key}`}
            />
            <Input
              name={`note-${c.key}`}
              className="col-span-3"
              defaultValue={saved.get(c.key)?.note ?? ''}
              disabled={!canEdit}
              placeholder={t('review.note')}
            />
          </div>
        </div>
      ))}
      <label className="flex items-start gap-2 rounded-md bg-red-50 p-2.5 text-sm text-red-900 ring-1 ring-red-200">
        <input
          type="checkbox"
          name="hasFraudOrAbuse"
          defaultChecked={view.review?.hasFraudOrAbuse ?? false}
          disabled={!canEdit}
          className="mt-0.5 h-4 w-4 accent-red-600"
          data-testid="fraud-abuse"
        />
        {t('review.fraudOrAbuse')}
      </label>
      {localError ? <Alert>{localError}</Alert> : error ? <Alert>{error.message}</Alert> : null}
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" disabled={isPending} data-testid="save-scores">
            {isPending ? t('common.saving') : t('review.saveScores')}
          </Button>
        </div>
      ) : null}
    </form>
  );
};
