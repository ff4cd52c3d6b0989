'use client';

import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { API_SCOPES, DEFAULT_API_RATE_LIMIT } from '@/lib/api-scopes';
import { ZCreateApiKeyInput } from '@/server/api/routers/api-keys/api-keys.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import type { ErrorInfo } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, TextField } from '../ui/field';

export type NewKeyValues = z.output<typeof ZCreateApiKeyInput>;

/** Name, the scopes the organization's kind allows, an optional last day and a limit a minute. */
export const NewKeyForm = ({
  orgType,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  orgType: 'creditor' | 'agency';
  isPending: boolean;
  error: ErrorInfo | null;
  onSubmit: (values: NewKeyValues) => void;
  onCancel: () => void;
}) => {
  const t = useTranslations();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZCreateApiKeyInput, {
    defaultValues: { name: '', scopes: [], expiresOn: null, rateLimit: null },
  });
  const fe = error?.fieldErrors ?? {};
  const message = (name: keyof NewKeyValues) => fieldMessage(errors, error, name);
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-3" noValidate data-testid="new-key-form">
      {error && Object.keys(fe).length === 0 ? <Alert testId="form-error">{error.message}</Alert> : null}
      <TextField
        id="key-name"
        label={t('apiKeys.name')}
        hint={t('apiKeys.nameHint')}
        error={message('name')}
        {...register('name')}
        autoComplete="off"
      />
      <Field id="key-scopes" label={t('apiKeys.scopes')} error={message('scopes')}>
        <div className="space-y-1.5" id="key-scopes">
          {API_SCOPES[orgType].map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                value={scope}
                className="mt-0.5"
                data-testid={`scope-${scope}`}
                {...register('scopes')}
              />
              <span>
                <code className="font-mono text-xs text-slate-900">{scope}</code>
                <span className="ml-2 text-slate-500">{t(`apiKeys.scope.${scope.replace(':', '_')}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <TextField
          id="key-expires"
          type="date"
          label={t('apiKeys.expiresOn')}
          hint={t('apiKeys.expiresHint')}
          error={message('expiresOn')}
          {...register('expiresOn', { setValueAs: (v: string | null) => v || null })}
        />
        <TextField
          id="key-rate"
          label={t('apiKeys.rateLimit')}
          hint={t('apiKeys.rateHint', { n: DEFAULT_API_RATE_LIMIT })}
          error={message('rateLimit')}
          inputMode="numeric"
          {...register('rateLimit', {
            setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)),
          })}
        />
      </div>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" disabled={isPending} data-testid="new-key-submit">
          {isPending ? t('common.saving') : t('apiKeys.create')}
        </Button>
      </div>
    </form>
  );
};
