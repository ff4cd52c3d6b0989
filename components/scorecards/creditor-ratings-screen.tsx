'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { ZRateCreditorForm, type TCreditorRatingList } from '@/server/api/routers/scorecards/creditors.schema';
import { formatDateTime } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo, type ErrorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Textarea } from '../ui/field';

type MonthRating = TCreditorRatingList['creditors'][number]['months'][number];

const Stars = ({ value }: { value: number }) => (
  <span className="tracking-wider text-amber-500" aria-hidden>
    {'★'.repeat(value)}
    <span className="text-slate-300">{'★'.repeat(5 - value)}</span>
  </span>
);

/** One month's rating of one creditor: what was given, and the form to give or change it while the month is open. */
const RatingCell = ({ creditorId, m, canManage }: { creditorId: string; m: MonthRating; canManage: boolean }) => {
  const t = useTranslations('creditorScores.ratings');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isEditing, setEditing] = useState(false);
  const rate = useMutation(
    trpc.scorecards.creditors.rate.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.scorecards.creditors.ratings.queryKey() });
      },
    }),
  );
  const id = `creditor-rating-${creditorId}-${m.month}`;
  if (!m.isWorked && m.rating === null) return <p className="text-sm text-slate-400">{t('notWorked')}</p>;
  if (!isEditing) {
    return (
      <div className="space-y-1" data-testid={id}>
        {m.rating === null ? (
          <p className="text-sm text-slate-500">{t('notRated')}</p>
        ) : (
          <>
            <div className="flex items-center gap-2">
              <Stars value={m.rating} />
              <span className="text-sm font-medium text-slate-900">{t('ratingOf', { rating: m.rating })}</span>
            </div>
            {m.comment ? <p className="whitespace-pre-wrap text-sm text-slate-700">{m.comment}</p> : null}
            <p className="text-xs text-slate-400">{t('ratedAt', { at: formatDateTime(m.ratedAt) })}</p>
          </>
        )}
        {m.isClosed ? <p className="text-xs text-slate-500">{t('closed')}</p> : null}
        {canManage && m.canRate ? (
          <Button variant="secondary" onClick={() => setEditing(true)} data-testid={`${id}-edit`}>
            {m.rating === null ? t('rate') : t('change')}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <RatingForm
      id={id}
      m={m}
      isPending={rate.isPending}
      error={errorInfo(rate.error)}
      onSubmit={(v) => rate.mutate({ creditorId, month: m.month, ...v })}
      onCancel={() => setEditing(false)}
    />
  );
};

/** The stars and the optional comment, checked in the browser as the procedure checks them. */
const RatingForm = ({
  id,
  m,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  id: string;
  m: MonthRating;
  isPending: boolean;
  error: ErrorInfo | null;
  onSubmit: (v: z.output<typeof ZRateCreditorForm>) => void;
  onCancel: () => void;
}) => {
  const t = useTranslations('creditorScores.ratings');
  const {
    register,
    handleSubmit,
    setValue,
    watch,
    formState: { errors },
  } = useZodForm(ZRateCreditorForm, { defaultValues: { rating: m.rating ?? 0, comment: m.comment } });
  const rating = watch('rating');
  const ratingError = fieldMessage(errors, error, 'rating');
  const commentError = fieldMessage(errors, error, 'comment');
  const monthError = error?.fieldErrors.month?.[0];
  return (
    <form className="space-y-2" data-testid={`${id}-form`} onSubmit={handleSubmit(onSubmit)} noValidate>
      <div role="radiogroup" aria-label={t('rating')} className="flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={rating === n}
            aria-label={t('ratingOf', { rating: n })}
            className={`h-8 w-8 rounded text-lg ${n <= rating ? 'text-amber-500' : 'text-slate-300'} hover:bg-amber-50`}
            onClick={() => setValue('rating', n, { shouldValidate: Boolean(errors.rating) })}
            data-testid={`${id}-star-${n}`}
          >
            ★
          </button>
        ))}
      </div>
      {ratingError ? <p className="text-xs text-red-600">{ratingError}</p> : null}
      <Textarea
        aria-label={t('comment')}
        placeholder={t('commentHint')}
        rows={2}
        {...register('comment')}
        invalid={Boolean(commentError)}
        maxLength={500}
        data-testid={`${id}-comment`}
      />
      {commentError ? <p className="text-xs text-red-600">{commentError}</p> : null}
      {monthError ? <Alert>{monthError}</Alert> : null}
      {error && !error.fieldErrors.rating && !error.fieldErrors.comment && !monthError ? (
        <Alert>{error.message}</Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={isPending || rating === 0} data-testid={`${id}-save`}>
          {t('save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
};

/** The creditors the agency worked for this month and last month, each with its rating of both months. */
export const CreditorRatingsScreen = ({ canManage }: { canManage: boolean }) => {
  const t = useTranslations('creditorScores.ratings');
  const trpc = useTRPC();
  const query = useQuery(trpc.scorecards.creditors.ratings.queryOptions());
  const d = query.data;
  const error = errorInfo(query.error);
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      {error ? <Alert>{error.message}</Alert> : null}
      {d && d.creditors.length === 0 ? (
        <Card>
          <p className="text-sm text-slate-500" data-testid="creditor-ratings-empty">
            {t('empty')}
          </p>
        </Card>
      ) : null}
      <div className="space-y-4">
        {(d?.creditors ?? []).map((c) => (
          <Card key={c.creditorId} title={c.creditorName}>
            <div className="grid gap-6 md:grid-cols-2" data-testid="creditor-ratings-creditor">
              {c.months.map((m) => (
                <div key={m.month}>
                  <h3 className="mb-2 text-sm font-semibold text-slate-700">
                    {m.month === d?.current ? t('thisMonth', { month: m.month }) : t('lastMonth', { month: m.month })}
                  </h3>
                  <RatingCell creditorId={c.creditorId} m={m} canManage={canManage} />
                </div>
              ))}
            </div>
          </Card>
        ))}
      </div>
    </>
  );
};
