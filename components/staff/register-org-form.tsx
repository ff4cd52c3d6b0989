'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';

/** Registers a creditor or agency the platform signed up offline; it starts as an applicant. */
export const RegisterOrgForm = ({ onDone, onCancel }: { onDone: (orgId: string) => void; onCancel: () => void }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [type, setType] = useState<'creditor' | 'agency'>('agency');
  const create = useMutation(trpc.staff.orgs.create.mutationOptions({ onSuccess: (org) => onDone(org.id) }));
  const error = errorInfo(create.error);
  const fe = error?.fieldErrors ?? {};
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? '').trim();
    create.mutate({
      type,
      name: text('name'),
      creditCode: text('creditCode'),
      province: text('province') || null,
      city: text('city') || null,
    });
  };
  return (
    <form onSubmit={submit} className="space-y-3" noValidate data-testid="register-org-form">
      <p className="text-xs text-slate-500">{t('orgs.registerHint')}</p>
      {error && Object.keys(fe).length === 0 ? <Alert>{error.message}</Alert> : null}
      <Field id="ro-type" label={t('fields.type')} error={fe.type}>
        <Select
          id="ro-type"
          value={type}
          onChange={(e) => setType(e.target.value === 'creditor' ? 'creditor' : 'agency')}
        >
          <option value="agency">{t('orgType.agency')}</option>
          <option value="creditor">{t('orgType.creditor')}</option>
        </Select>
      </Field>
      <Field id="ro-name" label={t('orgs.orgNameField')} error={fe.name}>
        <Input id="ro-name" name="name" invalid={Boolean(fe.name)} />
      </Field>
      <Field id="ro-creditCode" label={t('fields.creditCode')} error={fe.creditCode}>
        <Input
          id="ro-creditCode"
          name="creditCode"
          maxLength={18}
          className="font-mono uppercase"
          invalid={Boolean(fe.creditCode)}
        />
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field id="ro-province" label={t('fields.province')} error={fe.province}>
          <Input id="ro-province" name="province" />
        </Field>
        <Field id="ro-city" label={t('fields.city')} error={fe.city}>
          <Input id="ro-city" name="city" />
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
