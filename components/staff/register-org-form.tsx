'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import { ZCreateOrgInput } from '@/server/api/routers/staff/staff.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

/** An empty optional text is no value. */
const orNull = (v: string | null | undefined) => v?.trim() || null;

/** Registers a creditor or agency the platform signed up offline; it starts as an applicant. */
export const RegisterOrgForm = ({ onDone, onCancel }: { onDone: (orgId: string) => void; onCancel: () => void }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const create = useMutation(trpc.staff.orgs.create.mutationOptions({ onSuccess: (org) => onDone(org.id) }));
  const error = errorInfo(create.error);
  const fe = error?.fieldErrors ?? {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZCreateOrgInput, {
    defaultValues: { type: 'agency', name: '', creditCode: '', province: null, city: null },
  });
  const message = (name: 'type' | 'name' | 'creditCode' | 'province' | 'city') => fieldMessage(errors, error, name);
  return (
    <form
      onSubmit={handleSubmit((v) => create.mutate(v))}
      className="space-y-3"
      noValidate
      data-testid="register-org-form"
    >
      <p className="text-xs text-slate-500">{t('orgs.registerHint')}</p>
      {error && Object.keys(fe).length === 0 ? <Alert>{error.message}</Alert> : null}
      <Field id="ro-type" label={t('fields.type')} error={message('type')}>
        <Select id="ro-type" {...register('type')}>
          <option value="agency">{t('orgType.agency')}</option>
          <option value="creditor">{t('orgType.creditor')}</option>
        </Select>
      </Field>
      <Field id="ro-name" label={t('orgs.orgNameField')} error={message('name')}>
        <Input id="ro-name" {...register('name')} invalid={Boolean(message('name'))} />
      </Field>
      <Field id="ro-creditCode" label={t('fields.creditCode')} error={message('creditCode')}>
        <Input
          id="ro-creditCode"
          {...register('creditCode', { setValueAs: (v: string) => v.trim() })}
          maxLength={18}
          className="font-mono uppercase"
          invalid={Boolean(message('creditCode'))}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="ro-province" label={t('fields.province')} error={message('province')}>
          <Input id="ro-province" {...register('province', { setValueAs: orNull })} />
        </Field>
        <Field id="ro-city" label={t('fields.city')} error={message('city')}>
          <Input id="ro-city" {...register('city', { setValueAs: orNull })} />
        </Field>
      </div>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" disabled={create.isPending} data-testid="register-org-submit">
          {create.isPending ? t('common.saving') : t('orgs.register')}
        </Button>
      </div>
    </form>
  );
};
