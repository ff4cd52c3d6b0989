'use client';

import type { FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Field, Input, Select } from '../ui/field';
import { StepActions, useSaveSection, type StepProps } from './section-kit';

type Systems = Partial<{
  hasCallRecording: boolean;
  hasFieldEvidenceCapture: boolean;
  mlpsLevel: number;
  hasIso27001: boolean;
  otherCertifications: string;
}>;

const FLAGS = ['hasCallRecording', 'hasFieldEvidenceCapture', 'hasIso27001'] as const;

export const SystemsStep = ({ view, canEdit, onSaved }: StepProps) => {
  const t = useTranslations();
  const { save, isPending, isSaved, error, fieldErrors } = useSaveSection(onSaved);
  const s = (view.sections.systems ?? {}) as Systems;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    save({
      section: 'systems',
      data: {
        hasCallRecording: f.get('hasCallRecording') === 'on',
        hasFieldEvidenceCapture: f.get('hasFieldEvidenceCapture') === 'on',
        hasIso27001: f.get('hasIso27001') === 'on',
        mlpsLevel: Number(f.get('mlpsLevel') ?? 0),
        otherCertifications: String(f.get('otherCertifications') ?? '').trim(),
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="step-systems">
      <div className="space-y-2">
        {FLAGS.map((k) => (
          <label key={k} className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name={k}
              defaultChecked={s[k] ?? false}
              disabled={!canEdit}
              className="mt-0.5 h-4 w-4 accent-amber-600"
              data-testid={`systems-${k}`}
            />
            <span>
              <span className="font-medium text-slate-900">{t(`apply.systems.${k}`)}</span>
              <span className="block text-xs text-slate-500">{t(`apply.systems.${k}Hint`)}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="mlpsLevel" label={t('apply.systems.mlpsLevel')} error={fieldErrors.mlpsLevel}>
          <Select id="mlpsLevel" name="mlpsLevel" defaultValue={String(s.mlpsLevel ?? 0)} disabled={!canEdit}>
            {[0, 1, 2, 3, 4].map((l) => (
              <option key={l} value={l}>
                {t(`apply.systems.mlps.${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          id="otherCertifications"
          label={t('apply.systems.otherCertifications')}
          error={fieldErrors.otherCertifications}
        >
          <Input
            id="otherCertifications"
            name="otherCertifications"
            defaultValue={s.otherCertifications ?? ''}
            disabled={!canEdit}
          />
        </Field>
      </div>
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
