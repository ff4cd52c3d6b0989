'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { useTranslations } from 'use-intl';
import { DEFAULT_STAGE_POLICY } from '@/lib/stage-policy';
import { stagePolicyFormValues } from '@/server/domain/shared/fields.schema';
import { StagePolicyFields } from '../rules/stage-policy';
import { CHANNELS, MAX_INSTALMENT_GRACE_DAYS, TIERS, type Channel } from '@/lib/enums';
import { ZTermsForm, type TCreditorPackage } from '@/server/api/routers/packages/packages.schema';
import { shanghaiDateTimeLocal } from '@/lib/dates';
import { bpToPercent } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';

// Datetime-local values are Beijing time whatever the browser's zone.
const toLocal = (d: Date | null) => (d ? shanghaiDateTimeLocal(d) : '');
const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** The terms of a draft package; every field is checked in the browser, saved at once and checked again on the server. */
export const TermsForm = ({ pkg }: { pkg: TCreditorPackage }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agencies = useQuery(trpc.packages.agencies.queryOptions());
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitted },
  } = useZodForm(ZTermsForm, {
    defaultValues: {
      closesAt: toLocal(pkg.closesAt),
      commissionStart: pkg.commissionStart ?? '',
      commissionEnd: pkg.commissionEnd ?? '',
      reserveFeeBp: pkg.reserveFeeBp === null ? '' : bpToPercent(pkg.reserveFeeBp),
      expectedRecoveryBp: pkg.expectedRecoveryBp === null ? '' : bpToPercent(pkg.expectedRecoveryBp),
      minTier: pkg.minTier ?? '',
      minScore: pkg.minScore === null ? '' : String(pkg.minScore),
      bidderCircle: pkg.bidderCircle,
      invitedAgencyIds: pkg.invitedAgencyIds,
      allowedChannels: pkg.allowedChannels.length ? (pkg.allowedChannels as Channel[]) : ['phone', 'sms'],
      maxReductionBp: bpToPercent(pkg.maxReductionBp),
      maxInstalments: String(pkg.maxInstalments),
      hasStagePolicy: pkg.stagePolicy !== null,
      stagePolicy: stagePolicyFormValues(pkg.stagePolicy ?? DEFAULT_STAGE_POLICY),
      instalmentGraceDays: String(pkg.instalmentGraceDays),
    },
  });
  const [bidderCircle, channels, invited, hasStagePolicy] = watch([
    'bidderCircle',
    'allowedChannels',
    'invitedAgencyIds',
    'hasStagePolicy',
  ]);
  // A package without a policy of its own starts from the rulebook in force, to be tightened.
  const rulebook = useQuery(trpc.public.rulebook.queryOptions());
  const floor = rulebook.data?.rules.stagePolicy;
  useEffect(() => {
    if (floor && pkg.stagePolicy === null) setValue('stagePolicy', stagePolicyFormValues(floor));
  }, [floor, pkg.stagePolicy, setValue]);
  const save = useMutation(
    trpc.packages.saveTerms.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.packages.get.queryKey({ packageId: pkg.id }), next),
    }),
  );
  const error = errorInfo(save.error);
  // The procedure names a field of its input's `terms`.
  const fieldError = (k: string) => fieldMessage(errors, error, k) ?? error?.fieldErrors[`terms.${k}`]?.[0];

  return (
    <form
      className="space-y-4"
      data-testid="terms-form"
      noValidate
      onSubmit={handleSubmit((terms) => save.mutate({ packageId: pkg.id, terms }))}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <Field
          id="closesAt"
          label={t('packages.terms.closesAt')}
          error={fieldError('closesAt')}
          hint={t('packages.terms.closesAtHint')}
        >
          <Input id="closesAt" type="datetime-local" {...register('closesAt')} />
        </Field>
        <Field id="commissionStart" label={t('packages.terms.commissionStart')} error={fieldError('commissionStart')}>
          <Input id="commissionStart" type="date" {...register('commissionStart')} />
        </Field>
        <Field id="commissionEnd" label={t('packages.terms.commissionEnd')} error={fieldError('commissionEnd')}>
          <Input id="commissionEnd" type="date" {...register('commissionEnd')} />
        </Field>
        <Field
          id="reserveFee"
          label={t('packages.terms.reserveFee')}
          error={fieldError('reserveFeeBp')}
          hint={t('packages.terms.reserveFeeHint')}
        >
          <Input id="reserveFee" inputMode="decimal" {...register('reserveFeeBp')} />
        </Field>
        <Field
          id="expectedRecovery"
          label={t('packages.terms.expectedRecovery')}
          error={fieldError('expectedRecoveryBp')}
        >
          <Input id="expectedRecovery" inputMode="decimal" {...register('expectedRecoveryBp')} />
        </Field>
        <Field id="minTier" label={t('packages.terms.minTier')} error={fieldError('minTier')}>
          <Select id="minTier" {...register('minTier')}>
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
            {...register('minScore')}
            placeholder={t('packages.terms.anyScore')}
          />
        </Field>
        <Field id="maxReduction" label={t('packages.terms.maxReduction')} error={fieldError('maxReductionBp')}>
          <Input id="maxReduction" inputMode="decimal" {...register('maxReductionBp')} />
        </Field>
        <Field id="maxInstalments" label={t('packages.terms.maxInstalments')} error={fieldError('maxInstalments')}>
          <Input id="maxInstalments" type="number" min={1} max={60} {...register('maxInstalments')} />
        </Field>
        <Field
          id="instalmentGraceDays"
          label={t('packages.terms.instalmentGrace')}
          error={fieldError('instalmentGraceDays')}
          hint={t('packages.terms.instalmentGraceHint')}
        >
          <Input
            id="instalmentGraceDays"
            type="number"
            min={0}
            max={MAX_INSTALMENT_GRACE_DAYS}
            {...register('instalmentGraceDays')}
          />
        </Field>
        <Field id="bidderCircle" label={t('packages.terms.bidderCircle')} error={fieldError('invitedAgencyIds')}>
          <Select id="bidderCircle" {...register('bidderCircle')}>
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
                checked={channels.includes(c)}
                onChange={() => setValue('allowedChannels', toggle(channels, c), { shouldValidate: isSubmitted })}
              />
              {t(`channel.${c}`)}
            </label>
          ))}
        </div>
        {fieldError('allowedChannels') ? (
          <p className="mt-1 text-xs text-red-600">{fieldError('allowedChannels')}</p>
        ) : null}
      </fieldset>
      <fieldset>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" data-testid="has-stage-policy" {...register('hasStagePolicy')} />
          {t('packages.terms.ownStagePolicy')}
        </label>
        <p className="mt-1 text-xs text-slate-500">{t('packages.terms.ownStagePolicyHint')}</p>
        {hasStagePolicy ? (
          <div className="mt-2">
            <StagePolicyFields
              register={
                register as unknown as UseFormRegister<{
                  stagePolicy: Record<string, { debtor: string; contact: string }>;
                }>
              }
              errorOf={(ch, target) => fieldError(`stagePolicy.${ch}.${target}`)}
              idPrefix="terms"
            />
          </div>
        ) : null}
      </fieldset>
      {bidderCircle === 'invited' ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-slate-700">{t('packages.terms.invited')}</legend>
          <div className="flex flex-wrap gap-3">
            {(agencies.data ?? []).map((a) => (
              <label key={a.id} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={invited.includes(a.id)}
                  onChange={() => setValue('invitedAgencyIds', toggle(invited, a.id))}
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
