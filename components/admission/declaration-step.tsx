'use client';

import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslations } from 'use-intl';
import { LICENCE_TYPES, type LicenceType } from '@/lib/enums';
import { ZComplianceForm, ZLicenceForm } from '@/server/api/routers/admission/admission.schema';
import { useZodForm } from '../forms/use-zod-form';
import { Field, Input, Select } from '../ui/field';
import { StepActions, useSaveSection, useStepErrors, type StepProps } from './section-kit';

const Declaration = ({
  name,
  field,
  text,
  disabled,
  error,
}: {
  name: string;
  field: UseFormRegisterReturn;
  text: string;
  disabled: boolean;
  error?: string | undefined;
}) => (
  <div>
    <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-slate-800 ring-1 ring-amber-200">
      <input
        type="checkbox"
        {...field}
        disabled={disabled}
        className="mt-0.5 h-4 w-4 accent-amber-600"
        data-testid={`declare-${name}`}
      />
      <span>{text}</span>
    </label>
    {error ? (
      <p className="mt-1 text-xs text-red-600" data-testid={`${name}-error`}>
        {error}
      </p>
    ) : null}
  </div>
);

type Compliance = Partial<{
  litigationCount: number;
  litigationNote: string;
  pastSanctions: string;
  complaintCount: number;
  declaresNoAbuse: boolean;
  signedBy: string;
}>;

/** Agencies: litigation, sanctions, complaints and the signed declaration of no abusive collection. */
export const ComplianceStep = ({ view, canEdit, onSaved }: StepProps) => {
  const t = useTranslations();
  const { save, isPending, isSaved, error, fieldErrors } = useSaveSection(onSaved);
  const c = (view.sections.compliance ?? {}) as Compliance;
  const { register, handleSubmit, formState } = useZodForm(ZComplianceForm, {
    defaultValues: {
      litigationCount: c.litigationCount === undefined ? '' : String(c.litigationCount),
      litigationNote: c.litigationNote ?? '',
      pastSanctions: c.pastSanctions ?? '',
      complaintCount: c.complaintCount === undefined ? '' : String(c.complaintCount),
      declaresNoAbuse: c.declaresNoAbuse ?? false,
      signedBy: c.signedBy ?? '',
    },
  });
  const { err, hasErrors } = useStepErrors(formState.errors, fieldErrors);
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="space-y-4" data-testid="step-compliance">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="litigationCount" label={t('apply.compliance.litigationCount')} error={err('litigationCount')}>
          <Input
            id="litigationCount"
            {...register('litigationCount')}
            inputMode="numeric"
            disabled={!canEdit}
            invalid={Boolean(err('litigationCount'))}
          />
        </Field>
        <Field id="complaintCount" label={t('apply.compliance.complaintCount')} error={err('complaintCount')}>
          <Input
            id="complaintCount"
            {...register('complaintCount')}
            inputMode="numeric"
            disabled={!canEdit}
            invalid={Boolean(err('complaintCount'))}
          />
        </Field>
      </div>
      <Field id="litigationNote" label={t('apply.compliance.litigationNote')} error={err('litigationNote')}>
        <Input id="litigationNote" {...register('litigationNote')} disabled={!canEdit} />
      </Field>
      <Field id="pastSanctions" label={t('apply.compliance.pastSanctions')} error={err('pastSanctions')}>
        <Input id="pastSanctions" {...register('pastSanctions')} disabled={!canEdit} />
      </Field>
      <Declaration
        name="declaresNoAbuse"
        field={register('declaresNoAbuse')}
        text={t('apply.compliance.declaration')}
        disabled={!canEdit}
        error={err('declaresNoAbuse')}
      />
      <Field id="signedBy" label={t('apply.signedBy')} error={err('signedBy')}>
        <Input id="signedBy" {...register('signedBy')} disabled={!canEdit} invalid={Boolean(err('signedBy'))} />
      </Field>
      <StepActions canEdit={canEdit} isPending={isPending} isSaved={isSaved} error={error} hasFieldErrors={hasErrors} />
    </form>
  );
};

type Licence = Partial<{
  licenceType: LicenceType;
  licenceNumber: string;
  regulator: string;
  declaresNoFraud: boolean;
  signedBy: string;
}>;

/** Creditors: the lending licence and the declaration of no fraud record. */
export const LicenceStep = ({ view, canEdit, onSaved }: StepProps) => {
  const t = useTranslations();
  const { save, isPending, isSaved, error, fieldErrors } = useSaveSection(onSaved);
  const l = (view.sections.licence ?? {}) as Licence;
  const { register, handleSubmit, formState } = useZodForm(ZLicenceForm, {
    defaultValues: {
      licenceType: l.licenceType ?? 'consumer_finance',
      licenceNumber: l.licenceNumber ?? '',
      regulator: l.regulator ?? '',
      declaresNoFraud: l.declaresNoFraud ?? false,
      signedBy: l.signedBy ?? '',
    },
  });
  const { err, hasErrors } = useStepErrors(formState.errors, fieldErrors);
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="space-y-4" data-testid="step-licence">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="licenceType" label={t('apply.licence.licenceType')} error={err('licenceType')}>
          <Select id="licenceType" {...register('licenceType')} disabled={!canEdit}>
            {LICENCE_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`licenceType.${x}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="licenceNumber" label={t('apply.licence.licenceNumber')} error={err('licenceNumber')}>
          <Input
            id="licenceNumber"
            {...register('licenceNumber')}
            disabled={!canEdit}
            invalid={Boolean(err('licenceNumber'))}
          />
        </Field>
      </div>
      <Field id="regulator" label={t('apply.licence.regulator')} error={err('regulator')}>
        <Input id="regulator" {...register('regulator')} disabled={!canEdit} invalid={Boolean(err('regulator'))} />
      </Field>
      <Declaration
        name="declaresNoFraud"
        field={register('declaresNoFraud')}
        text={t('apply.licence.declaration')}
        disabled={!canEdit}
        error={err('declaresNoFraud')}
      />
      <Field id="signedBy" label={t('apply.signedBy')} error={err('signedBy')}>
        <Input id="signedBy" {...register('signedBy')} disabled={!canEdit} invalid={Boolean(err('signedBy'))} />
      </Field>
      <StepActions canEdit={canEdit} isPending={isPending} isSaved={isSaved} error={error} hasFieldErrors={hasErrors} />
    </form>
  );
};
