'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { PROVINCES, type Province } from '@/lib/enums';
import type { TMarketPackageDetail } from '@/server/api/routers/market/market.schema';
import { bpToPercent, formatDateTime, parsePercentToBp } from '@/lib/format';
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
  const [f, setF] = useState({
    fee: live ? bpToPercent(live.feeBp) : '',
    recovery: live ? bpToPercent(live.expectedRecoveryBp) : '',
    plan: live?.plan ?? '',
    team: live ? String(live.teamSize) : '',
    provinces: (live?.provinces ?? Object.keys(pkg.figures.byProvince).filter(Boolean)) as Province[],
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.market.get.queryKey({ packageId: pkg.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.market.myBids.pathKey() });
  };
  const submit = useMutation(trpc.market.bid.submit.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.market.bid.update.mutationOptions({ onSuccess: refresh }));
  const withdraw = useMutation(trpc.market.bid.withdraw.mutationOptions({ onSuccess: refresh }));
  const error = errorInfo(submit.error) ?? errorInfo(update.error) ?? errorInfo(withdraw.error);
  const fieldError = (k: string) => local[k] ?? error?.fieldErrors[k];
  const done = submit.data ?? update.data;

  const send = () => {
    const feeBp = parsePercentToBp(f.fee);
    const recoveryBp = parsePercentToBp(f.recovery);
    const problems: Record<string, string> = {};
    if (feeBp === null || feeBp === 0) problems.feeBp = t('packages.terms.badPercent');
    if (recoveryBp === null || recoveryBp === 0) problems.expectedRecoveryBp = t('packages.terms.badPercent');
    if (f.plan.trim().length < 10) problems.plan = t('market.bid.planTooShort');
    if (!(Number(f.team) >= 1)) problems.teamSize = t('market.bid.badTeam');
    if (f.provinces.length === 0) problems.provinces = t('market.bid.noProvince');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || feeBp === null || recoveryBp === null) return;
    const bid = {
      feeBp,
      expectedRecoveryBp: recoveryBp,
      plan: f.plan,
      teamSize: Number(f.team),
      provinces: f.provinces,
    };
    if (live) update.mutate({ bidId: live.id, ...bid });
    else submit.mutate({ packageId: pkg.id, ...bid });
  };

  return (
    <div className="space-y-4" data-testid="bid-form">
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="bid-fee" label={t('bids.fee')} error={fieldError('feeBp')} hint={t('market.bid.feeHint')}>
          <Input id="bid-fee" inputMode="decimal" value={f.fee} onChange={(e) => setF({ ...f, fee: e.target.value })} />
        </Field>
        <Field id="bid-recovery" label={t('bids.expectedRecovery')} error={fieldError('expectedRecoveryBp')}>
          <Input
            id="bid-recovery"
            inputMode="decimal"
            value={f.recovery}
            onChange={(e) => setF({ ...f, recovery: e.target.value })}
          />
        </Field>
        <Field id="bid-team" label={t('bids.team')} error={fieldError('teamSize')}>
          <Input
            id="bid-team"
            type="number"
            min={1}
            value={f.team}
            onChange={(e) => setF({ ...f, team: e.target.value })}
          />
        </Field>
      </div>
      <Field id="bid-plan" label={t('bids.plan')} error={fieldError('plan')}>
        <textarea
          id="bid-plan"
          rows={4}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
          value={f.plan}
          onChange={(e) => setF({ ...f, plan: e.target.value })}
        />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('bids.provinces')}</legend>
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          {PROVINCES.map((p) => (
            <label key={p} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={f.provinces.includes(p)}
                onChange={() =>
                  setF({
                    ...f,
                    provinces: f.provinces.includes(p) ? f.provinces.filter((x) => x !== p) : [...f.provinces, p],
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
        <Button onClick={send} disabled={submit.isPending || update.isPending} data-testid="bid-submit">
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
    </div>
  );
};
