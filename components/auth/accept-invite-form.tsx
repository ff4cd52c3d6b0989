'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';
import { ZAcceptInviteInput } from '@/server/api/routers/auth/auth.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

/** The invited user chooses a password; too short or not repeated alike shows under its field before sending. */
export const AcceptInviteForm = ({ token }: { token: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const accept = useMutation(trpc.auth.invite.accept.mutationOptions());
  const error = errorInfo(accept.error);
  const fe = error?.fieldErrors ?? {};
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZAcceptInviteInput, { defaultValues: { token, password: '', confirmPassword: '' } });
  const message = (name: 'password' | 'confirmPassword') => fieldMessage(errors, error, name);
  if (accept.isSuccess) {
    return (
      <Alert tone="success" testId="invite-accepted">
        {t('invite.done', { email: accept.data.email })}{' '}
        <Link className="font-medium underline" href="/signin">
          {t('invite.goSignIn')}
        </Link>
      </Alert>
    );
  }
  return (
    <form onSubmit={handleSubmit((v) => accept.mutate(v))} className="space-y-4" noValidate>
      {error && !fe.password && !fe.confirmPassword ? <Alert>{error.message}</Alert> : null}
      <TextField
        id="password"
        label={t('fields.password')}
        error={message('password')}
        hint={t('invite.passwordHint')}
        {...register('password')}
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
      <Button type="submit" className="w-full" disabled={accept.isPending}>
        {t('invite.submit')}
      </Button>
    </form>
  );
};
