'use client';

import { useTranslations } from 'use-intl';
import { CHANNELS, PROVINCES } from '@/lib/enums';
import { fenToAmount } from '@/lib/format';
import { ZBasicsForm } from '@/server/api/routers/admission/admission.schema';
import { useZodForm } from '../forms/use-zod-form';
import { Field, Input } from '../ui/field';
import { CheckboxGroup, StepActions, useSaveSection, useStepErrors, type StepProps } from './section-kit';

type Basics = Partial<{
  legalRepName: string;
  registeredCapitalFen: number;
  foundedOn: string;
  address: string;
  serviceProvinces: string[];
  staffCount: number;
  seatCount: number;
  channels: string[];
}>;

export const BasicsStep = ({ view, canEdit, onSaved }: StepProps) => {
  const t = useTranslations();
  const { save, isPending, isSaved, error, fieldErrors } = useSaveSection(onSaved);
  const b = (view.sections.basics ?? {}) as Basics;
  const { register, handleSubmit, formState } = useZodForm(ZBasicsForm, {
    defaultValues: {
      legalRepName: b.legalRepName ?? '',
      legalRepIdNumber: '',
      registeredCapital: b.registeredCapitalFen === undefined ? '' : fenToAmount(b.registeredCapitalFen, 1_000_000),
      foundedOn: b.foundedOn ?? '',
      address: b.address ?? '',
      serviceProvinces: (b.serviceProvinces ?? []) as (typeof PROVINCES)[number][],
      staffCount: b.staffCount === undefined ? '' : String(b.staffCount),
      seatCount: b.seatCount === undefined ? '' : String(b.seatCount),
      channels: (b.channels ?? []) as (typeof CHANNELS)[number][],
    },
  });
  const { err, hasErrors } = useStepErrors(formState.errors, fieldErrors, {
    registeredCapital: 'registeredCapitalFen',
  });
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="space-y-4" data-testid="step-basics">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="legalRepName" label={t('apply.basics.legalRepName')} error={err('legalRepName')}>
          <Input
            id="legalRepName"
            {...register('legalRepName')}
            disabled={!canEdit}
            invalid={Boolean(err('legalRepName'))}
          />
        </Field>
        <Field
          id="legalRepIdNumber"
          label={t('apply.basics.legalRepIdNumber')}
          error={err('legalRepIdNumber')}
          hint={
            view.legalRepIdMasked
              ? t('apply.basics.idSaved', { masked: view.legalRepIdMasked })
              : t('apply.basics.idHint')
          }
        >
          <Input
            id="legalRepIdNumber"
            {...register('legalRepIdNumber')}
            maxLength={18}
            autoComplete="off"
            placeholder={view.legalRepIdMasked ?? ''}
            className="font-mono"
            disabled={!canEdit}
            invalid={Boolean(err('legalRepIdNumber'))}
          />
        </Field>
        <Field id="registeredCapital" label={t('apply.basics.registeredCapital')} error={err('registeredCapital')}>
          <Input
            id="registeredCapital"
            {...register('registeredCapital')}
            invalid={Boolean(err('registeredCapital'))}
            inputMode="decimal"
            disabled={!canEdit}
          />
        </Field>
        <Field id="foundedOn" label={t('apply.basics.foundedOn')} error={err('foundedOn')}>
          <Input
            id="foundedOn"
            {...register('foundedOn')}
            type="date"
            disabled={!canEdit}
            invalid={Boolean(err('foundedOn'))}
          />
        </Field>
      </div>
      <Field id="address" label={t('apply.basics.address')} error={err('address')}>
        <Input id="address" {...register('address')} disabled={!canEdit} invalid={Boolean(err('address'))} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="staffCount" label={t('apply.basics.staffCount')} error={err('staffCount')}>
          <Input
            id="staffCount"
            {...register('staffCount')}
            invalid={Boolean(err('staffCount'))}
            inputMode="numeric"
            disabled={!canEdit}
          />
        </Field>
        <Field id="seatCount" label={t('apply.basics.seatCount')} error={err('seatCount')}>
          <Input
            id="seatCount"
            {...register('seatCount')}
            invalid={Boolean(err('seatCount'))}
            inputMode="numeric"
            disabled={!canEdit}
          />
        </Field>
      </div>
      <Field id="channels" label={t('apply.basics.channels')} error={err('channels')}>
        <CheckboxGroup
          field={register('channels')}
          options={CHANNELS}
          label={(c) => t(`channel.${c}`)}
          disabled={!canEdit}
          columns={6}
        />
      </Field>
      <Field id="serviceProvinces" label={t('apply.basics.serviceProvinces')} error={err('serviceProvinces')}>
        <CheckboxGroup
          field={register('serviceProvinces')}
          options={PROVINCES}
          label={(p) => t(`province.${p}`)}
          disabled={!canEdit}
          columns={6}
        />
      </Field>
      <StepActions canEdit={canEdit} isPending={isPending} isSaved={isSaved} error={error} hasFieldErrors={hasErrors} />
    </form>
  );
};
