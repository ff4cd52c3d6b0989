'use client';

import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import type { OrgType, Role } from '@/lib/enums';
import { ROLES_BY_ORG_TYPE } from '@/lib/organizations';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import type { ErrorInfo } from '../trpc/errors';

export type NewUserValues = { email: string; name: string; phone: string | null; role: Role };

/** Email, name, mobile and a role valid for the organization type; used by admins and staff. */
export const NewUserForm = ({
  orgType,
  isPending,
  error,
  onSubmit,
  onCancel,
}: {
  orgType: OrgType;
  isPending: boolean;
  error: ErrorInfo | null;
  onSubmit: (values: NewUserValues) => void;
  onCancel: () => void;
}) => {
  const t = useTranslations();
  const roles = ROLES_BY_ORG_TYPE[orgType];
  const [role, setRole] = useState<Role>(roles[roles.length - 1] ?? 'viewer');
  const fe = error?.fieldErrors ?? {};
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const phone = String(f.get('phone') ?? '').trim();
    onSubmit({ email: String(f.get('email') ?? ''), name: String(f.get('name') ?? ''), phone: phone || null, role });
  };
  return (
    <form onSubmit={submit} className="space-y-3" noValidate data-testid="new-user-form">
      {error && Object.keys(fe).length === 0 ? <Alert testId="form-error">{error.message}</Alert> : null}
      <Field id="nu-email" label={t('fields.email')} error={fe.email}>
        <Input id="nu-email" name="email" type="email" autoComplete="off" invalid={Boolean(fe.email)} />
      </Field>
      <Field id="nu-name" label={t('fields.name')} error={fe.name}>
        <Input id="nu-name" name="name" invalid={Boolean(fe.name)} />
      </Field>
      <Field id="nu-phone" label={t('fields.phone')} error={fe.phone} hint={t('users.phoneHint')}>
        <Input id="nu-phone" name="phone" inputMode="numeric" invalid={Boolean(fe.phone)} />
      </Field>
      <Field id="nu-role" label={t('fields.role')} error={fe.role}>
        <Select id="nu-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${orgType}.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" disabled={isPending} data-testid="new-user-submit">
          {isPending ? t('common.saving') : t('users.sendInvite')}
        </Button>
      </div>
    </form>
  );
};
