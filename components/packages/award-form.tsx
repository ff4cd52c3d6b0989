'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { ZAwardForm, type TCreditorPackage, type TPackageBid } from '@/server/api/routers/packages/packages.schema';
import { bpToPercent } from '@/lib/format';
import { useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/field';
import { bucketLabel } from './figures';

/** The first message in a form's errors, however deep (a share of the award, a count). */
const firstMessage = (node: unknown): string | undefined => {
  if (!node || typeof node !== 'object') return undefined;
  const own = (node as { message?: unknown }).message;
  if (typeof own === 'string') return own;
  for (const [key, child] of Object.entries(node)) {
    const found = key === 'ref' ? undefined : firstMessage(child);
    if (found) return found;
  }
  return undefined;
};

/**
 * The award: the whole package to one bid, or split between bids by case count, by
 * province or by bucket. The server awards once; a second attempt is refused.
 */
export const AwardForm = ({ pkg, bids }: { pkg: TCreditorPackage; bids: TPackageBid[] }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = bids.filter((b) => b.status === 'submitted');
  const provinceKeys = Object.keys(pkg.figures.byProvince).filter(Boolean);
  const bucketKeys = Object.keys(pkg.figures.byBucket);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZAwardForm, {
    defaultValues: {
      mode: 'all',
      winner: live[0]?.id ?? '',
      counts: live.map((b) => ({ bidId: b.id, count: '' })),
      provinces: provinceKeys.map((key) => ({ key, bidId: '' })),
      buckets: bucketKeys.map((key) => ({ key, bidId: '' })),
    },
  });
  const mode = watch('mode');
  const award = useMutation(
    trpc.packages.award.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.packages.get.queryKey({ packageId: pkg.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.packages.bids.queryKey({ packageId: pkg.id }) });
      },
    }),
  );
  const error = errorInfo(award.error);
  const keys = mode === 'provinces' ? provinceKeys : bucketKeys;
  const label = (k: string) => (mode === 'provinces' ? t(`province.${k}`) : bucketLabel(k));
  // The browser's check names the first thing wrong (no share, a bad count); the server's answer otherwise.
  const problem = firstMessage(errors);

  if (live.length === 0) return <p className="text-sm text-slate-600">{t('award.noLiveBids')}</p>;
  return (
    <form
      className="space-y-4"
      data-testid="award-form"
      noValidate
      onSubmit={handleSubmit((shares) => award.mutate({ packageId: pkg.id, shares }))}
    >
      <div className="flex flex-wrap gap-4 text-sm">
        {(['all', 'count', 'provinces', 'buckets'] as const).map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input type="radio" value={m} {...register('mode')} data-testid={`award-mode-${m}`} />
            {t(`award.mode.${m}`)}
          </label>
        ))}
      </div>
      {mode === 'all' ? (
        <Select aria-label={t('award.winner')} {...register('winner')} data-testid="award-winner" className="max-w-md">
          {live.map((b) => (
            <option key={b.id} value={b.id}>
              {b.agencyName} · {bpToPercent(b.feeBp)}%
            </option>
          ))}
        </Select>
      ) : mode === 'count' ? (
        <div className="grid max-w-xl gap-2">
          {live.map((b, i) => (
            <label key={b.id} className="grid grid-cols-[1fr_8rem] items-center gap-2 text-sm">
              {b.agencyName} · {bpToPercent(b.feeBp)}%
              <Input
                type="number"
                min={0}
                {...register(`counts.${i}.count`)}
                invalid={Boolean(errors.counts?.[i]?.count)}
                data-testid={`award-count-${b.agencyName}`}
              />
            </label>
          ))}
          <p className="text-xs text-slate-500">{t('award.countHint', { total: pkg.figures.caseCount })}</p>
        </div>
      ) : (
        <div className="grid max-w-xl gap-2">
          {keys.map((k, i) => (
            <label key={`${mode}-${k}`} className="grid grid-cols-[8rem_1fr] items-center gap-2 text-sm">
              {label(k)}
              <Select {...register(mode === 'provinces' ? `provinces.${i}.bidId` : `buckets.${i}.bidId`)}>
                <option value="">{t('award.keepWithCreditor')}</option>
                {live.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.agencyName}
                  </option>
                ))}
              </Select>
            </label>
          ))}
        </div>
      )}
      {problem || error ? <Alert testId="award-error">{problem ?? error?.message}</Alert> : null}
      <Button type="submit" disabled={award.isPending} data-testid="award-submit">
        {t('award.submit')}
      </Button>
    </form>
  );
};
