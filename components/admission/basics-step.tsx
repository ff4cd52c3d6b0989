'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { CHANNELS, PROVINCES } from '@/lib/enums';
import { fenToAmount, parseAmountToFen } from '@/lib/format';
import { Field, Input } from '../ui/field';
import {
  CheckboxGroup,
  StepActions,
  intField,
  localError,
  oneOf,
  textField,
  useSaveSection,
  type StepProps,
} from './section-kit';

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
  const [local, setLocal] = useState<Record<string, boolean>>({});
  const b = (view.sections.basics ?? {}) as Basics;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const capital = textField(f, 'registeredCapital');
    const fen = capital === undefined ? undefined : parseAmountToFen(capital, 1_000_000);
    const staff = intField(f, 'staffCount');
    const seats = intField(f, 'seatCount');
    const bad = { registeredCapital: fen === null, staffCount: staff === null, seatCount: seats === null };
    setLocal(bad);
    if (Object.values(bad).some(Boolean)) return;
    const id = textField(f, 'legalRepIdNumber');
    save({
      section: 'basics',
      data: {
        legalRepName: textField(f, 'legalRepName'),
        ...(id ? { legalRepIdNumber: id } : {}),
        registeredCapitalFen: fen ?? undefined,
        foundedOn: textField(f, 'foundedOn'),
        address: textField(f, 'address'),
        serviceProvinces: oneOf(PROVINCES, f.getAll('serviceProvinces')),
        staffCount: staff ?? undefined,
        seatCount: seats ?? undefined,
        channels: oneOf(CHANNELS, f.getAll('channels')),
      },
    });
  };
  const err = (k: string) => fieldErrors[k];
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="step-basics">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="legalRepName" label={t('apply.basics.legalRepName')} error={err('legalRepName')}>
          <Input
            id="legalRepName"
            name="legalRepName"
            defaultValue={b.legalRepName ?? ''}
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
            name="legalRepIdNumber"
            maxLength={18}
            autoComplete="off"
            placeholder={view.legalRepIdMasked ?? ''}
            className="font-mono"
            disabled={!canEdit}
            invalid={Boolean(err('legalRepIdNumber'))}
          />
        </Field>
        <Field
          id="registeredCapital"
          label={t('apply.basics.registeredCapital')}
          error={localError(!local.registeredCapital, t('validation.amount')) ?? err('registeredCapitalFen')}
        >
          <Input
            id="registeredCapital"
            name="registeredCapital"
            inputMode="decimal"
            defaultValue={b.registeredCapitalFen === undefined ? '' : fenToAmount(b.registeredCapitalFen, 1_000_000)}
            disabled={!canEdit}
          />
        </Field>
        <Field id="foundedOn" label={t('apply.basics.foundedOn')} error={err('foundedOn')}>
          <Input
            id="foundedOn"
            name="foundedOn"
            type="date"
            defaultValue={b.foundedOn ?? ''}
            disabled={!canEdit}
            invalid={Boolean(err('foundedOn'))}
          />
        </Field>
      </div>
      <Field id="address" label={t('apply.basics.address')} error={err('address')}>
        <Input
          id="address"
          name="address"
          defaultValue={b.address ?? ''}
          disabled={!canEdit}
          invalid={Boolean(err('address'))}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="staffCount"
          label={t('apply.basics.staffCount')}
          error={localError(!local.staffCount, t('validation.count')) ?? err('staffCount')}
        >
          <Input
            id="staffCount"
            name="staffCount"
            inputMode="numeric"
            defaultValue={b.staffCount ?? ''}
            disabled={!canEdit}
          />
        </Field>
        <Field
          id="seatCount"
          label={t('apply.basics.seatCount')}
          error={localError(!local.seatCount, t('validation.count')) ?? err('seatCount')}
        >
          <Input
            id="seatCount"
            name="seatCount"
            inputMode="numeric"
            defaultValue={b.seatCount ?? ''}
            disabled={!canEdit}
          />
        </Field>
      </div>
      <Field id="channels" label={t('apply.basics.channels')} error={err('channels')}>
        <CheckboxGroup
          name="channels"
          options={CHANNELS}
          selected={b.channels ?? []}
          label={(c) => t(`channel.${c}`)}
          disabled={!canEdit}
          columns={6}
        />
      </Field>
      <Field id="serviceProvinces" label={t('apply.basics.serviceProvinces')} error={err('serviceProvinces')}>
        <CheckboxGroup
          name="serviceProvinces"
          options={PROVINCES}
          selected={b.serviceProvinces ?? []}
          label={(p) => t(`province.${p}`)}
          disabled={!canEdit}
          columns={6}
        />
      </Field>
      <StepActions
        canEdit={canEdit}
        isPending={isPending}
        isSaved={isSaved}
        error={error}
        hasFieldErrors={Object.keys(fieldErrors).length > 0}
      />
    </form>
  );
};
