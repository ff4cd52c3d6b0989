'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FieldError, FieldErrors, UseFormRegisterReturn } from 'react-hook-form';
import { useTranslations } from 'use-intl';
import type { TApplicationView, TSectionDraft } from '@/server/api/routers/admission/admission.schema';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';

/** `onSaved` lets the screen move on once a save completes the section. */
export type StepProps = { view: TApplicationView; canEdit: boolean; onSaved: (view: TApplicationView) => void };

/** Saves one section as a draft; field errors come back keyed by the field inside the section. */
export const useSaveSection = (onSaved: StepProps['onSaved']) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.admission.application.saveSection.mutationOptions({
      onSuccess: (view) => {
        queryClient.setQueryData(trpc.admission.application.get.queryKey(), view);
        onSaved(view);
      },
    }),
  );
  const error = errorInfo(save.error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(error?.fieldErrors ?? {})) fieldErrors[k.replace(/^data\./, '')] = v;
  return {
    save: (draft: TSectionDraft) => save.mutate(draft),
    isPending: save.isPending,
    isSaved: save.isSuccess,
    error,
    fieldErrors,
  };
};

/**
 * A step's message per field: the browser's check first, else what the server answered for
 * that field (`serverName` names a field the form types differently, such as an amount in yuan).
 */
export const useStepErrors = (
  errors: FieldErrors,
  fieldErrors: Record<string, string[]>,
  serverName: Record<string, string> = {},
) => {
  const err = (name: string): string | undefined => {
    let node: unknown = errors;
    for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    return (node as FieldError | undefined)?.message ?? fieldErrors[serverName[name] ?? name]?.[0];
  };
  return { err, hasErrors: Object.keys(errors).length > 0 || Object.keys(fieldErrors).length > 0 };
};

export const StepActions = ({
  canEdit,
  isPending,
  isSaved,
  error,
  hasFieldErrors,
}: {
  canEdit: boolean;
  isPending: boolean;
  isSaved: boolean;
  error: { message: string } | null;
  hasFieldErrors: boolean;
}) => {
  const t = useTranslations('apply');
  if (!canEdit) return null;
  return (
    <div className="mt-6 space-y-3 border-t border-slate-100 pt-4">
      {error && !hasFieldErrors ? <Alert>{error.message}</Alert> : null}
      {error && hasFieldErrors ? <Alert testId="step-error">{t('fixFields')}</Alert> : null}
      <div className="flex items-center justify-end gap-3">
        {isSaved && !error ? (
          <span className="text-sm text-emerald-700" data-testid="step-saved">
            {t('saved')}
          </span>
        ) : null}
        <Button type="submit" disabled={isPending} data-testid="step-save">
          {isPending ? t('saving') : t('saveDraft')}
        </Button>
      </div>
    </div>
  );
};

/** Checkboxes of one registered field, whose value is the list of the ticked options. */
export const CheckboxGroup = <T extends string>({
  field,
  options,
  label,
  disabled,
  columns = 4,
}: {
  field: UseFormRegisterReturn;
  options: readonly T[];
  label: (v: T) => ReactNode;
  disabled: boolean;
  columns?: 2 | 3 | 4 | 6;
}) => {
  const grid = { 2: 'sm:grid-cols-2', 3: 'sm:grid-cols-3', 4: 'sm:grid-cols-4', 6: 'sm:grid-cols-6' }[columns];
  return (
    <div className={`grid grid-cols-2 gap-x-3 gap-y-1.5 ${grid}`}>
      {options.map((o) => (
        <label key={o} className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" {...field} value={o} disabled={disabled} className="h-4 w-4 accent-amber-600" />
          {label(o)}
        </label>
      ))}
    </div>
  );
};
