'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { useTranslations } from 'use-intl';
import { PROVINCES, type Province } from '@/lib/enums';
import { ZBidForm, type TMarketPackageDetail } from '@/server/api/routers/market/market.schema';
import { bpToPercent, formatDateTime } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';

/** The agency's bid: place it, change it or withdraw it until the close. */
export const BidForm = ({ pkg }: { pkg: TMarketPackageDetail }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = pkg.myBid?.status === 'submitted' ? pkg.myBid : null;
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitted },
  } = useZodForm(ZBidForm, {
    defaultValues: {
      feeBp: live ? bpToPercent(live.feeBp) : '',
      expectedRecoveryBp: live ? bpToPercent(live.expectedRecoveryBp) : '',
      plan: live?.plan ?? '',
      teamSize: live ? String(live.teamSize) : '',
      provinces: (live?.provinces ?? Object.keys(pkg.figures.byProvince).filter(Boolean)) as Province[],
    },
  });
  const provinces = watch('provinces');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.market.get.queryKey({ packageId: pkg.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.market.myBids.pathKey() });
  };
  const submit = useMutation(trpc.market.bid.submit.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.market.bid.update.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.market.bid.withdraw.mutationOptions({ onSuccess: refresh }));
  const error = errorInfo(submit.error) ?? errorInfo(update.error) ?? errorInfo(withdraw.error);
  const fieldError = (k: string) => fieldMessage(errors, error, k);
  const done = submit.data ?? update.data;

  const send = (bid: z.output<typeof ZBidForm>) => {
    if (live) update.mutate({ bidId: live.id, ...bid });
    else submit.mutate({ packageId: pkg.id, ...bid });
  };

  return (
    <form className="space-y-4" data-testid="bid-form" noValidate onSubmit={handleSubmit(send)}>
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="bid-fee" label={t('bids.fee')} error={fieldError('feeBp')} hint={t('market.bid.feeHint')}>
          <Input id="bid-fee" inputMode="decimal" {...register('feeBp')} invalid={Boolean(fieldError('feeBp'))} />
        </Field>
        <Field id="bid-recovery" label={t('bids.expectedRecovery')} error={fieldError('expectedRecoveryBp')}>
          <Input
            id="bid-recovery"
            inputMode="decimal"
            {...register('expectedRecoveryBp')}
            invalid={Boolean(fieldError('expectedRecoveryBp'))}
          />
        </Field>
        <Field id="bid-team" label={t('bids.team')} error={fieldError('teamSize')}>
          <Input
            id="bid-team"
            type="number"
            min={1}
            {...register('teamSize')}
            invalid={Boolean(fieldError('teamSize'))}
          />
        </Field>
      </div>
      <Field id="bid-plan" label={t('bids.plan')} error={fieldError('plan')}>
        <textarea
          id="bid-plan"
          rows={4}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
          {...register('plan')}
        />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('bids.provinces')}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {PROVINCES.map((p) => (
            <label key={p} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={provinces.includes(p)}
                onChange={() =>
                  setValue('provinces', provinces.includes(p) ? provinces.filter((x) => x !== p) : [...provinces, p], {
                    shouldValidate: isSubmitted,
                  })
                }
              />
              {t(`province.${p}`)}
            </label>
          ))}
        </div>
        {fieldError('provinces') ? <p className="mt-1 text-xs text-red-600">{fieldError('provinces')}</p> : null}
      </fieldset>
      {error && Object.keys(error.fieldErrors).length === 0 ? <Alert testId="bid-error">{error.message}</Alert> : null}
      {done ? (
        <Alert tone="success" testId="bid-saved">
          {t('market.bid.saved', { closesAt: formatDateTime(done.closesAt ?? pkg.closesAt) })}
        </Alert>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={submit.isPending || update.isPending} data-testid="bid-submit">
          {live ? t('market.bid.update') : t('market.bid.submit')}
        </Button>
        {live ? (
          <Button
            variant="dangerGhost"
            onClick={() => withdraw.mutate({ bidId: live.id })}
            disabled={withdraw.isPending}
            data-testid="bid-withdraw"
          >
            {t('market.bid.withdraw')}
          </Button>
        ) : null}
      </div>
    </form>
  );
};
