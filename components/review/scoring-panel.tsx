'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import type { z } from 'zod';
import { scoringFormOf, type TReviewView } from '@/server/api/routers/staff/admission.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import type { ErrorInfo } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input } from '../ui/field';

type Scores = z.output<ReturnType<typeof scoringFormOf>>['scores'];

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
  const criteria = useMemo(() => view.template?.criteria ?? [], [view.template]);
  const schema = useMemo(() => scoringFormOf(criteria), [criteria]);
  const saved = new Map((view.review?.scores ?? []).map((s) => [s.key, s]));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(schema, {
    defaultValues: {
      scores: Object.fromEntries(
        criteria.map((c) => [
          c.key,
          { score: String(saved.get(c.key)?.score ?? ''), note: saved.get(c.key)?.note ?? '' },
        ]),
      ),
      hasFraudOrAbuse: view.review?.hasFraudOrAbuse ?? false,
    },
  });
  return (
    <form
      onSubmit={handleSubmit((v) => onSave(v.scores, v.hasFraudOrAbuse))}
      noValidate
      className="space-y-3"
      data-testid="scoring-form"
    >
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
              {...register(`scores.${c.key}.score`)}
              inputMode="numeric"
              disabled={!canEdit}
              invalid={Boolean(fieldMessage(errors, null, `scores.${c.key}.score`))}
              aria-label={t('review.scoreOf', { label: c.label[locale] })}
              aria-describedby={`score-${c.key}-error`}
              data-testid={`score-${c.key}`}
            />
            <Input
              {...register(`scores.${c.key}.note`)}
              className="col-span-3"
              disabled={!canEdit}
              invalid={Boolean(fieldMessage(errors, null, `scores.${c.key}.note`))}
              placeholder={t('review.note')}
            />
          </div>
          {[`scores.${c.key}.score`, `scores.${c.key}.note`].map((name) => {
            const m = fieldMessage(errors, null, name);
            if (!m) return null;
            // A score names its criterion and range, as the reviewer reads them on the form.
            const isScore = name.endsWith('.score');
            const text = isScore ? t('review.scoreRange', { label: c.label[locale], weight: c.weight }) : m;
            const testId = `${isScore ? 'score' : 'note'}-${c.key}-error`;
            return (
              <p key={name} id={testId} className="mt-1 text-xs text-red-600" data-testid={testId}>
                {text}
              </p>
            );
          })}
        </div>
      ))}
      <label className="flex items-start gap-2 rounded-md bg-red-50 p-2.5 text-sm text-red-900 ring-1 ring-red-200">
        <input
          type="checkbox"
          {...register('hasFraudOrAbuse')}
          disabled={!canEdit}
          className="mt-0.5 h-4 w-4 accent-red-600"
          data-testid="fraud-abuse"
        />
        {t('review.fraudOrAbuse')}
      </label>
      {error ? <Alert>{error.message}</Alert> : null}
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
