'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Field, Input } from '../ui/field';

/**
 * The signed-in user changes their password. The server ends every session of theirs, this
 * one included, so the browser then signs out and the user signs in with the new password.
 */
export const ChangePasswordButton = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [isOpen, setOpen] = useState(false);
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      onSuccess: () => void signOut({ callbackUrl: '/signin?error=auth.sessionEnded' }),
    }),
  );
  const error = errorInfo(change.error);
  const fe = error?.fieldErrors ?? {};
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    change.mutate({
      currentPassword: String(f.get('currentPassword') ?? ''),
      newPassword: String(f.get('newPassword') ?? ''),
      confirmPassword: String(f.get('confirmPassword') ?? ''),
    });
  };
  return (
    <>
      <button
        type="button"
        data-testid="change-password"
        onClick={() => {
          change.reset();
          setOpen(true);
        }}
        className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
      >
        {t('shell.changePassword')}
      </button>
      <Dialog open={isOpen} title={t('shell.changePassword')} onClose={() => setOpen(false)}>
        <form onSubmit={submit} className="space-y-3" noValidate data-testid="change-password-form">
          {error && Object.keys(fe).length === 0 ? <Alert testId="change-password-error">{error.message}</Alert> : null}
          <p className="text-sm text-slate-600">{t('shell.changePasswordNote')}</p>
          <Field id="currentPassword" label={t('fields.currentPassword')} error={fe.currentPassword}>
            <Input
              id="currentPassword"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              invalid={Boolean(fe.currentPassword)}
            />
          </Field>
          <Field
            id="newPassword"
            label={t('fields.newPassword')}
            error={fe.newPassword}
            hint={t('invite.passwordHint')}
          >
            <Input
              id="newPassword"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              invalid={Boolean(fe.newPassword)}
            />
          </Field>
          <Field id="confirmPassword" label={t('fields.confirmPassword')} error={fe.confirmPassword}>
            <Input
              id="confirmPassword"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              invalid={Boolean(fe.confirmPassword)}
            />
          </Field>
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={change.isPending || change.isSuccess} data-testid="change-password-submit">
              {change.isPending ? t('common.saving') : t('shell.changePassword')}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
};
