'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { PAYMENT_PROVIDERS } from '@/lib/payments';
import { formatDateTime } from '@/lib/format';
import { ZPaymentSettingsInput, type TPaymentSettings } from '@/server/api/routers/payments/payments.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select, Textarea } from '../ui/field';

/**
 * The creditor's payment settings (its admins): the repayment account its debtors see in
 * full on their page, and the payment-link provider behind their "pay online" button.
 */
export const PaymentSettingsForm = ({ settings: s }: { settings: TPaymentSettings }) => {
  const t = useTranslations('paymentSettings');
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, watch, formState } = useZodForm(ZPaymentSettingsInput, {
    defaultValues: {
      accountName: s.accountName,
      bankName: s.bankName,
      accountNo: s.accountNo,
      provider: s.provider ?? '',
      providerAppId: s.providerAppId,
      providerPrivateKey: '',
      providerPublicKey: s.providerPublicKey,
    },
  });
  const save = useMutation(
    trpc.payments.saveSettings.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const error = errorInfo(save.error);
  const message = (name: string) => fieldMessage(formState.errors, error, name);
  const provider = watch('provider');
  return (
    <form
      className="space-y-5"
      noValidate
      data-testid="payment-settings"
      onSubmit={handleSubmit((values) => {
        setSaved(false);
        save.mutate(values);
      })}
    >
      <Card title={t('accountTitle')}>
        <p className="mb-3 text-sm text-slate-600">{t('accountIntro')}</p>
        <div className="grid gap-3 md:grid-cols-3">
          <Field id="ps-account-name" label={t('accountName')} error={message('accountName')}>
            <Input id="ps-account-name" {...register('accountName')} invalid={Boolean(message('accountName'))} />
          </Field>
          <Field id="ps-bank" label={t('bankName')} error={message('bankName')}>
            <Input
              id="ps-bank"
              placeholder={t('bankPlaceholder')}
              {...register('bankName')}
              invalid={Boolean(message('bankName'))}
            />
          </Field>
          <Field id="ps-account-no" label={t('accountNo')} error={message('accountNo')}>
            <Input
              id="ps-account-no"
              inputMode="numeric"
              className="font-mono"
              {...register('accountNo')}
              invalid={Boolean(message('accountNo'))}
            />
          </Field>
        </div>
      </Card>
      <Card title={t('providerTitle')}>
        <p className="mb-3 text-sm text-slate-600">{t('providerIntro')}</p>
        <div className="grid gap-3 md:grid-cols-2">
          <Field id="ps-provider" label={t('provider')} error={message('provider')}>
            <Select id="ps-provider" {...register('provider')}>
              <option value="">{t('providerNone')}</option>
              {PAYMENT_PROVIDERS.map((p) => (
                <option key={p} value={p}>
                  {t(`providers.${p}`)}
                </option>
              ))}
            </Select>
          </Field>
          {provider ? (
            <Field id="ps-app-id" label={t('appId')} error={message('providerAppId')}>
              <Input
                id="ps-app-id"
                className="font-mono"
                {...register('providerAppId')}
                invalid={Boolean(message('providerAppId'))}
              />
            </Field>
          ) : null}
        </div>
        {provider ? (
          <div className="mt-3 space-y-3">
            <Field
              id="ps-private-key"
              label={s.hasPrivateKey ? t('privateKeyKept') : t('privateKey')}
              error={message('providerPrivateKey')}
            >
              <Textarea
                id="ps-private-key"
                rows={3}
                className="font-mono text-xs"
                autoComplete="off"
                {...register('providerPrivateKey')}
                invalid={Boolean(message('providerPrivateKey'))}
              />
            </Field>
            <Field id="ps-public-key" label={t('publicKey')} error={message('providerPublicKey')}>
              <Textarea
                id="ps-public-key"
                rows={3}
                className="font-mono text-xs"
                {...register('providerPublicKey')}
                invalid={Boolean(message('providerPublicKey'))}
              />
            </Field>
            <p className="text-sm text-slate-600" data-testid="payment-notify-url">
              {s.notifyUrl ? t('notifyUrl', { url: s.notifyUrl }) : t('notifyUrlMissing')}
            </p>
          </div>
        ) : null}
      </Card>
      {error && Object.keys(error.fieldErrors).length === 0 ? <Alert>{error.message}</Alert> : null}
      {saved ? (
        <Alert tone="success" testId="payment-settings-saved">
          {t('saved')}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending} data-testid="payment-settings-save">
          {t('save')}
        </Button>
        {s.updatedAt ? (
          <span className="text-xs text-slate-500">{t('updatedAt', { at: formatDateTime(s.updatedAt) })}</span>
        ) : null}
      </div>
    </form>
  );
};
