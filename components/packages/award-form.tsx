'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Province } from '@/lib/enums';
import type { TCreditorPackage, TPackageBid } from '@/server/api/routers/packages/packages.schema';
import { bpToPercent } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/field';
import { bucketLabel } from './figures';

type Mode = 'all' | 'count' | 'provinces' | 'buckets';

/**
 * The award: the whole package to one bid, or split between bids by case count, by
 * province or by bucket. The server awards once; a second attempt is refused.
 */
export const AwardForm = ({ pkg, bids }: { pkg: TCreditorPackage; bids: TPackageBid[] }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = bids.filter((b) => b.status === 'submitted');
  const [mode, setMode] = useState<Mode>('all');
  const [winner, setWinner] = useState(live[0]?.id ?? '');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [byKey, setByKey] = useState<Record<string, string>>({});
  const award = useMutation(
    trpc.packages.award.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.packages.get.queryKey({ packageId: pkg.id }) });
        void queryClient.invalidateQueries({ queryKey: trpc.packages.bids.queryKey({ packageId: pkg.id }) });
      },
    }),
  );
  const error = errorInfo(award.error);
  const keys =
    mode === 'provinces' ? Object.keys(pkg.figures.byProvince).filter(Boolean) : Object.keys(pkg.figures.byBucket);
  const label = (k: string) => (mode === 'provinces' ? t(`province.${k}`) : bucketLabel(k));

  const shares = () => {
    if (mode === 'all') return [{ bidId: winner || (live[0]?.id ?? ''), share: { kind: 'all' as const } }];
    if (mode === 'count')
      return live
        .filter((b) => Number(counts[b.id]) > 0)
        .map((b) => ({ bidId: b.id, share: { kind: 'count' as const, count: Number(counts[b.id]) } }));
    const grouped = new Map<string, string[]>();
    for (const k of keys) if (byKey[k]) grouped.set(byKey[k], [...(grouped.get(byKey[k]) ?? []), k]);
    return [...grouped].map(([bidId, ks]) =>
      mode === 'provinces'
        ? { bidId, share: { kind: 'provinces' as const, provinces: ks as Province[] } }
        : { bidId, share: { kind: 'buckets' as const, buckets: ks.map(Number) } },
    );
  };

  if (live.length === 0) return <p className="text-sm text-slate-600">{t('award.noLiveBids')}</p>;
  return (
    <div className="space-y-4" data-testid="award-form">
      <div className="flex flex-wrap gap-4 text-sm">
        {(['all', 'count', 'provinces', 'buckets'] as const).map((m) => (
          <label key={m} className="flex items-center gap-1">
            <input
              type="radio"
              name="award-mode"
              data-testid={`award-mode-${m}`}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            {t(`award.mode.${m}`)}
          </label>
        ))}
      </div>
      {mode === 'all' ? (
        <Select
          aria-label={t('award.winner')}
          value={winner || (live[0]?.id ?? '')}
          onChange={(e) => setWinner(e.target.value)}
          data-testid="award-winner"
          className="max-w-md"
        >
          {live.map((b) => (
            <option key={b.id} value={b.id}>
              {b.agencyName} · {bpToPercent(b.feeBp)}%
            </option>
          ))}
        </Select>
      ) : mode === 'count' ? (
        <div className="grid max-w-xl gap-2">
          {live.map((b) => (
            <label key={b.id} className="grid grid-cols-[1fr_8rem] items-center gap-2 text-sm">
              {b.agencyName} · {bpToPercent(b.feeBp)}%
              <Input
                type="number"
                min={0}
                value={counts[b.id] ?? ''}
                onChange={(e) => setCounts((c) => ({ ...c, [b.id]: e.target.value }))}
                data-testid={`award-count-${b.agencyName}`}
              />
            </label>
          ))}
          <p className="text-xs text-slate-500">{t('award.countHint', { total: pkg.figures.caseCount })}</p>
        </div>
      ) : (
        <div className="grid max-w-xl gap-2">
          {keys.map((k) => (
            <label key={k} className="grid grid-cols-[8rem_1fr] items-center gap-2 text-sm">
              {label(k)}
              <Select value={byKey[k] ?? ''} onChange={(e) => setByKey((v) => ({ ...v, [k]: e.target.value }))}>
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
      {error ? <Alert testId="award-error">{error.message}</Alert> : null}
      <Button
        onClick={() => award.mutate({ packageId: pkg.id, shares: shares() })}
        disabled={award.isPending}
        data-testid="award-submit"
      >
        {t('award.submit')}
      </Button>
    </div>
  );
};
