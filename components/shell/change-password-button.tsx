'use client';

import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/field';
import { ZChangePasswordInput, type TChangePasswordInput } from '@/server/api/routers/me/me.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import type { ErrorInfo } from '../trpc/errors';

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
        <ChangePasswordForm
          isPending={change.isPending}
          isDone={change.isSuccess}
          error={errorInfo(change.error)}
          onSubmit={(v) => change.mutate(v)}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
};

/** The three passwords, checked as the procedure checks them before anything is sent; fresh at each opening. */
const ChangePasswordForm = ({
  isPending,
  isDone,
  error,
  onSubmit,
  onCancel,
}: {
  isPending: boolean;
  isDone: boolean;
  error: ErrorInfo | null;
  onSubmit: (values: TChangePasswordInput) => void;
  onCancel: () => void;
}) => {
  const t = useTranslations();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZChangePasswordInput, {
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const fe = error?.fieldErrors ?? {};
  const message = (name: keyof TChangePasswordInput) => fieldMessage(errors, error, name);
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="space-y-3" noValidate data-testid="change-password-form">
      {error && Object.keys(fe).length === 0 ? <Alert testId="change-password-error">{error.message}</Alert> : null}
      <p className="text-sm text-slate-600">{t('shell.changePasswordNote')}</p>
      <TextField
        id="currentPassword"
        label={t('fields.currentPassword')}
        error={message('currentPassword')}
        {...register('currentPassword')}
        type="password"
        autoComplete="current-password"
      />
      <TextField
        id="newPassword"
        label={t('fields.newPassword')}
        error={message('newPassword')}
        hint={t('invite.passwordHint')}
        {...register('newPassword')}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        id="confirmPassword"
        label={t('fields.confirmPassword')}
        error={message('confirmPassword')}
        {...register('confirmPassword')}
        type="password"
        autoComplete="new-password"
      />
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" disabled={isPending || isDone} data-testid="change-password-submit">
          {isPending ? t('common.saving') : t('shell.changePassword')}
        </Button>
      </div>
    </form>
  );
};
