'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { CHANNELS, TIERS, type Channel, type Tier } from '@/lib/enums';
import type { TCreditorPackage } from '@/server/api/routers/packages/packages.schema';
import { shanghaiDateTimeLocal, shanghaiInstant } from '@/lib/dates';
import { bpToPercent, parsePercentToBp } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';

// Datetime-local values are Beijing time whatever the browser's zone.
const toLocal = (d: Date | null) => (d ? shanghaiDateTimeLocal(d) : '');
const fromLocal = (s: string) => (s ? shanghaiInstant(`${s}:00`) : null);

/** The terms of a draft package; every field is saved at once and checked again on the server. */
export const TermsForm = ({ pkg }: { pkg: TCreditorPackage }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agencies = useQuery(trpc.packages.agencies.queryOptions());
  const [f, setF] = useState({
    closesAt: toLocal(pkg.closesAt),
    commissionStart: pkg.commissionStart ?? '',
    commissionEnd: pkg.commissionEnd ?? '',
    reserveFee: pkg.reserveFeeBp === null ? '' : bpToPercent(pkg.reserveFeeBp),
    expectedRecovery: pkg.expectedRecoveryBp === null ? '' : bpToPercent(pkg.expectedRecoveryBp),
    minTier: (pkg.minTier ?? '') as Tier | '',
    minScore: pkg.minScore === null ? '' : String(pkg.minScore),
    bidderCircle: pkg.bidderCircle,
    invited: pkg.invitedAgencyIds,
    channels: (pkg.allowedChannels.length ? pkg.allowedChannels : ['phone', 'sms']) as Channel[],
    maxReduction: bpToPercent(pkg.maxReductionBp),
    maxInstalments: String(pkg.maxInstalments),
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.packages.saveTerms.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.packages.get.queryKey({ packageId: pkg.id }), next),
    }),
  );
  const error = errorInfo(save.error);
  const fieldError = (k: string) => local[k] ?? error?.fieldErrors[k] ?? error?.fieldErrors[`terms.${k}`];
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF((v) => ({ ...v, [k]: e.target.value }));

  const submit = () => {
    const problems: Record<string, string> = {};
    const pct = (k: 'reserveFee' | 'expectedRecovery' | 'maxReduction') => {
      const bp = parsePercentToBp(f[k]);
      if (bp === null)
        problems[
          k === 'reserveFee' ? 'reserveFeeBp' : k === 'expectedRecovery' ? 'expectedRecoveryBp' : 'maxReductionBp'
        ] = t('packages.terms.badPercent');
      return bp ?? 0;
    };
    const minScore =
      f.minScore.trim() === ''
        ? null
        : /^\d{1,3}$/.test(f.minScore.trim()) && Number(f.minScore) <= 100
          ? Number(f.minScore)
          : undefined;
    if (minScore === undefined) problems.minScore = t('packages.terms.badScore');
    const closesAt = fromLocal(f.closesAt);
    if (!closesAt) problems.closesAt = t('validation.required');
    if (!f.commissionStart) problems.commissionStart = t('validation.required');
    if (!f.commissionEnd) problems.commissionEnd = t('validation.required');
    if (f.channels.length === 0) problems.allowedChannels = t('packages.terms.noChannel');
    const terms = {
      closesAt: closesAt ?? new Date(),
      commissionStart: f.commissionStart,
      commissionEnd: f.commissionEnd,
      reserveFeeBp: pct('reserveFee'),
      expectedRecoveryBp: pct('expectedRecovery'),
      maxReductionBp: pct('maxReduction'),
      minTier: f.minTier || null,
      minScore: minScore ?? null,
      bidderCircle: f.bidderCircle,
      invitedAgencyIds: f.bidderCircle === 'invited' ? f.invited : [],
      allowedChannels: f.channels,
      maxInstalments: Number(f.maxInstalments) || 1,
    };
    setLocal(problems);
    if (Object.keys(problems).length === 0) save.mutate({ packageId: pkg.id, terms });
  };

  return (
    <form
      className="space-y-4"
      data-testid="terms-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <Field
          id="closesAt"
          label={t('packages.terms.closesAt')}
          error={fieldError('closesAt')}
          hint={t('packages.terms.closesAtHint')}
        >
          <Input id="closesAt" type="datetime-local" value={f.closesAt} onChange={set('closesAt')} />
        </Field>
        <Field id="commissionStart" label={t('packages.terms.commissionStart')} error={fieldError('commissionStart')}>
          <Input id="commissionStart" type="date" value={f.commissionStart} onChange={set('commissionStart')} />
        </Field>
        <Field id="commissionEnd" label={t('packages.terms.commissionEnd')} error={fieldError('commissionEnd')}>
          <Input id="commissionEnd" type="date" value={f.commissionEnd} onChange={set('commissionEnd')} />
        </Field>
        <Field
          id="reserveFee"
          label={t('packages.terms.reserveFee')}
          error={fieldError('reserveFeeBp')}
          hint={t('packages.terms.reserveFeeHint')}
        >
          <Input id="reserveFee" inputMode="decimal" value={f.reserveFee} onChange={set('reserveFee')} />
        </Field>
        <Field
          id="expectedRecovery"
          label={t('packages.terms.expectedRecovery')}
          error={fieldError('expectedRecoveryBp')}
        >
          <Input
            id="expectedRecovery"
            inputMode="decimal"
            value={f.expectedRecovery}
            onChange={set('expectedRecovery')}
          />
        </Field>
        <Field id="minTier" label={t('packages.terms.minTier')}>
          <Select id="minTier" value={f.minTier} onChange={set('minTier')}>
            <option value="">{t('packages.terms.anyTier')}</option>
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {t('packages.terms.tierOrBetter', { tier })}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="minScore"
          label={t('packages.terms.minScore')}
          error={fieldError('minScore')}
          hint={t('packages.terms.minScoreHint')}
        >
          <Input
            id="minScore"
            inputMode="numeric"
            value={f.minScore}
            onChange={set('minScore')}
            placeholder={t('packages.terms.anyScore')}
          />
        </Field>
        <Field id="maxReduction" label={t('packages.terms.maxReduction')} error={fieldError('maxReductionBp')}>
          <Input id="maxReduction" inputMode="decimal" value={f.maxReduction} onChange={set('maxReduction')} />
        </Field>
        <Field id="maxInstalments" label={t('packages.terms.maxInstalments')} error={fieldError('maxInstalments')}>
          <Input
            id="maxInstalments"
            type="number"
            min={1}
            max={60}
            value={f.maxInstalments}
            onChange={set('maxInstalments')}
          />
        </Field>
        <Field id="bidderCircle" label={t('packages.terms.bidderCircle')} error={fieldError('invitedAgencyIds')}>
          <Select id="bidderCircle" value={f.bidderCircle} onChange={set('bidderCircle')}>
            <option value="all">{t('packages.terms.circleAll')}</option>
            <option value="invited">{t('packages.terms.circleInvited')}</option>
          </Select>
        </Field>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('packages.terms.channels')}</legend>
        <div className="flex flex-wrap gap-3">
          {CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                data-testid={`channel-${c}`}
                checked={f.channels.includes(c)}
                onChange={() =>
                  setF((v) => ({
                    ...v,
                    channels: v.channels.includes(c) ? v.channels.filter((x) => x !== c) : [...v.channels, c],
                  }))
                }
              />
              {t(`channel.${c}`)}
            </label>
          ))}
        </div>
        {fieldError('allowedChannels') ? (
          <p className="mt-1 text-xs text-red-600">{fieldError('allowedChannels')}</p>
        ) : null}
      </fieldset>
      {f.bidderCircle === 'invited' ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('packages.terms.invited')}</legend>
          <div className="flex flex-wrap gap-3">
            {(agencies.data ?? []).map((a) => (
              <label key={a.id} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={f.invited.includes(a.id)}
                  onChange={() =>
                    setF((v) => ({
                      ...v,
                      invited: v.invited.includes(a.id) ? v.invited.filter((x) => x !== a.id) : [...v.invited, a.id],
                    }))
                  }
                />
                {a.name} {a.tier ? `(${a.tier})` : ''}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Alert testId="terms-error">{error.message}</Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert tone="success" testId="terms-saved">
          {t('packages.terms.saved')}
        </Alert>
      ) : null}
      <Button type="submit" variant="secondary" disabled={save.isPending} data-testid="terms-save">
        {t('packages.terms.save')}
      </Button>
    </form>
  );
};
