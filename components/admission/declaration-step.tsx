'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { LICENCE_TYPES, type LicenceType } from '@/lib/enums';
import { Field, Input, Select } from '../ui/field';
import { StepActions, intField, localError, textField, useSaveSection, type StepProps } from './section-kit';

const Declaration = ({
  name,
  text,
  checked,
  disabled,
  error,
}: {
  name: string;
  text: string;
  checked: boolean;
  disabled: boolean;
  error?: string[] | undefined;
}) => (
  <div>
    <label className="flex items-start gap-2 rounded-md bg-amber-50 p-3 text-sm text-slate-800 ring-1 ring-amber-200">
      <input
        type="checkbox"
        name={name}
        defaultChecked={checked}
        disabled={disabled}
        className="mt-0.5 h-4 w-4 accent-amber-600"
        data-testid={`declare-${name}`}
      />
      <span>{text}</span>
    </label>
    {error?.map((m) => (
      <p key={m} className="mt-1 text-xs text-red-600" data-testid={`${name}-error`}>
        {m}
      </p>
    ))}
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
  const [local, setLocal] = useState<Record<string, boolean>>({});
  const c = (view.sections.compliance ?? {}) as Compliance;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const litigationCount = intField(f, 'litigationCount');
    const complaintCount = intField(f, 'complaintCount');
    const bad = { litigationCount: litigationCount === null, complaintCount: complaintCount === null };
    setLocal(bad);
    if (bad.litigationCount || bad.complaintCount) return;
    save({
      section: 'compliance',
      data: {
        litigationCount: litigationCount ?? undefined,
        litigationNote: String(f.get('litigationNote') ?? '').trim(),
        pastSanctions: String(f.get('pastSanctions') ?? '').trim(),
        complaintCount: complaintCount ?? undefined,
        declaresNoAbuse: f.get('declaresNoAbuse') === 'on',
        signedBy: textField(f, 'signedBy'),
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="step-compliance">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="litigationCount"
          label={t('apply.compliance.litigationCount')}
          error={localError(!local.litigationCount, t('validation.count')) ?? fieldErrors.litigationCount}
        >
          <Input
            id="litigationCount"
            name="litigationCount"
            inputMode="numeric"
            defaultValue={c.litigationCount ?? ''}
            disabled={!canEdit}
          />
        </Field>
        <Field
          id="complaintCount"
          label={t('apply.compliance.complaintCount')}
          error={localError(!local.complaintCount, t('validation.count')) ?? fieldErrors.complaintCount}
        >
          <Input
            id="complaintCount"
            name="complaintCount"
            inputMode="numeric"
            defaultValue={c.complaintCount ?? ''}
            disabled={!canEdit}
          />
        </Field>
      </div>
      <Field id="litigationNote" label={t('apply.compliance.litigationNote')} error={fieldErrors.litigationNote}>
        <Input id="litigationNote" name="litigationNote" defaultValue={c.litigationNote ?? ''} disabled={!canEdit} />
      </Field>
      <Field id="pastSanctions" label={t('apply.compliance.pastSanctions')} error={fieldErrors.pastSanctions}>
        <Input id="pastSanctions" name="pastSanctions" defaultValue={c.pastSanctions ?? ''} disabled={!canEdit} />
      </Field>
      <Declaration
        name="declaresNoAbuse"
        text={t('apply.compliance.declaration')}
        checked={c.declaresNoAbuse ?? false}
        disabled={!canEdit}
        error={fieldErrors.declaresNoAbuse}
      />
      <Field id="signedBy" label={t('apply.signedBy')} error={fieldErrors.signedBy}>
        <Input
          id="signedBy"
          name="signedBy"
          defaultValue={c.signedBy ?? ''}
          disabled={!canEdit}
          invalid={Boolean(fieldErrors.signedBy)}
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
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const type = LICENCE_TYPES.find((x) => x === f.get('licenceType'));
    save({
      section: 'licence',
      data: {
        licenceType: type,
        licenceNumber: textField(f, 'licenceNumber'),
        regulator: textField(f, 'regulator'),
        declaresNoFraud: f.get('declaresNoFraud') === 'on',
        signedBy: textField(f, 'signedBy'),
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="step-licence">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="licenceType" label={t('apply.licence.licenceType')} error={fieldErrors.licenceType}>
          <Select
            id="licenceType"
            name="licenceType"
            defaultValue={l.licenceType ?? 'consumer_finance'}
            disabled={!canEdit}
          >
            {LICENCE_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`licenceType.${x}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="licenceNumber" label={t('apply.licence.licenceNumber')} error={fieldErrors.licenceNumber}>
          <Input
            id="licenceNumber"
            name="licenceNumber"
            defaultValue={l.licenceNumber ?? ''}
            disabled={!canEdit}
            invalid={Boolean(fieldErrors.licenceNumber)}
          />
        </Field>
      </div>
      <Field id="regulator" label={t('apply.licence.regulator')} error={fieldErrors.regulator}>
        <Input
          id="regulator"
          name="regulator"
          defaultValue={l.regulator ?? ''}
          disabled={!canEdit}
          invalid={Boolean(fieldErrors.regulator)}
        />
      </Field>
      <Declaration
        name="declaresNoFraud"
        text={t('apply.licence.declaration')}
        checked={l.declaresNoFraud ?? false}
        disabled={!canEdit}
        error={fieldErrors.declaresNoFraud}
      />
      <Field id="signedBy" label={t('apply.signedBy')} error={fieldErrors.signedBy}>
        <Input
          id="signedBy"
          name="signedBy"
          defaultValue={l.signedBy ?? ''}
          disabled={!canEdit}
          invalid={Boolean(fieldErrors.signedBy)}
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
