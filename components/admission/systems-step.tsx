'use client';

import { useTranslations } from 'use-intl';
import { ZSystemsForm } from '@/server/api/routers/admission/admission.schema';
import { useZodForm } from '../forms/use-zod-form';
import { Field, Input, Select } from '../ui/field';
import { StepActions, useSaveSection, useStepErrors, type StepProps } from './section-kit';

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
  const { register, handleSubmit, formState } = useZodForm(ZSystemsForm, {
    defaultValues: {
      hasCallRecording: s.hasCallRecording ?? false,
      hasFieldEvidenceCapture: s.hasFieldEvidenceCapture ?? false,
      hasIso27001: s.hasIso27001 ?? false,
      mlpsLevel: String(s.mlpsLevel ?? 0),
      otherCertifications: s.otherCertifications ?? '',
    },
  });
  const { err, hasErrors } = useStepErrors(formState.errors, fieldErrors);
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="space-y-4" data-testid="step-systems">
      <div className="space-y-2">
        {FLAGS.map((k) => (
          <label key={k} className="flex items-start gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              {...register(k)}
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
        <Field id="mlpsLevel" label={t('apply.systems.mlpsLevel')} error={err('mlpsLevel')}>
          <Select id="mlpsLevel" {...register('mlpsLevel')} disabled={!canEdit}>
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
          error={err('otherCertifications')}
        >
          <Input
            id="otherCertifications"
            {...register('otherCertifications')}
            disabled={!canEdit}
            invalid={Boolean(err('otherCertifications'))}
          />
        </Field>
      </div>
      <StepActions canEdit={canEdit} isPending={isPending} isSaved={isSaved} error={error} hasFieldErrors={hasErrors} />
    </form>
  );
};
