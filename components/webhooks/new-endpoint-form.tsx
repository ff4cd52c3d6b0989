'use client';

import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import type { WebhookEventType } from '@/lib/webhook-events';
import { ZCreateWebhookEndpointInput } from '@/server/api/routers/webhooks/webhooks.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import type { ErrorInfo } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';

export type NewEndpointValues = z.output<typeof ZCreateWebhookEndpointInput>;

/** The receiver's address and the events it wants, checked by the procedure's own schema. */
export const NewEndpointForm = ({
  events,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  events: readonly WebhookEventType[];
  isPending: boolean;
  error: ErrorInfo | null;
  onSubmit: (values: NewEndpointValues) => void;
  onCancel: () => void;
}) => {
  const t = useTranslations();
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors },
  } = useZodForm(ZCreateWebhookEndpointInput, { defaultValues: { url: 'https://', eventTypes: [] } });
  const chosen = watch('eventTypes');
  const message = (name: keyof NewEndpointValues) => fieldMessage(errors, error, name);
  const toggle = (e: WebhookEventType) =>
    setValue('eventTypes', chosen.includes(e) ? chosen.filter((x) => x !== e) : [...chosen, e], {
      shouldValidate: true,
    });
  const eventsError = message('eventTypes');
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-3" noValidate data-testid="new-webhook-form">
      {error && Object.keys(error.fieldErrors ?? {}).length === 0 ? (
        <Alert testId="form-error">{error.message}</Alert>
      ) : null}
      <TextField
        id="wh-url"
        label={t('webhooks.url')}
        hint={t('webhooks.urlHint')}
        error={message('url')}
        {...register('url')}
        autoComplete="off"
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('webhooks.events')}</legend>
        <div className="grid grid-cols-1 gap-1">
          {events.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                data-testid={`event-${e}`}
                checked={chosen.includes(e)}
                onChange={() => toggle(e)}
              />
              <span>{t(`webhooks.event.${e.replace('.', '_')}`)}</span>
              <code className="text-xs text-slate-500">{e}</code>
            </label>
          ))}
        </div>
        {eventsError ? <p className="mt-1 text-xs text-red-700">{eventsError}</p> : null}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" disabled={isPending} data-testid="webhook-submit">
          {t('webhooks.create')}
        </Button>
      </div>
    </form>
  );
};
