'use client';

import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import type { OrgType } from '@/lib/enums';
import { ROLES_BY_ORG_TYPE } from '@/lib/organizations';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Select, TextField } from '../ui/field';
import { ZNewUser } from '@/server/api/routers/shared.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import type { ErrorInfo } from '../trpc/errors';

export type NewUserValues = z.output<typeof ZNewUser>;

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
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZNewUser, {
    defaultValues: { email: '', name: '', phone: null, role: roles[roles.length - 1] ?? 'viewer' },
  });
  const fe = error?.fieldErrors ?? {};
  const message = (name: keyof NewUserValues) => fieldMessage(errors, error, name);
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-3" noValidate data-testid="new-user-form">
      {error && Object.keys(fe).length === 0 ? <Alert testId="form-error">{error.message}</Alert> : null}
      <TextField
        id="nu-email"
        label={t('fields.email')}
        error={message('email')}
        {...register('email')}
        type="email"
        autoComplete="off"
      />
      <TextField id="nu-name" label={t('fields.name')} error={message('name')} {...register('name')} />
      <TextField
        id="nu-phone"
        label={t('fields.phone')}
        error={message('phone')}
        hint={t('users.phoneHint')}
        {...register('phone', { setValueAs: (v: string | null) => v?.trim() || null })}
        inputMode="numeric"
      />
      <Field id="nu-role" label={t('fields.role')} error={message('role')}>
        <Select id="nu-role" {...register('role')} invalid={Boolean(message('role'))}>
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
