'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { FormEvent } from 'react';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';

export const AcceptInviteForm = ({ token }: { token: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const accept = useMutation(trpc.auth.invite.accept.mutationOptions());
  const error = errorInfo(accept.error);
  const fe = error?.fieldErrors ?? {};
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
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    accept.mutate({
      token,
      password: String(f.get('password') ?? ''),
      confirmPassword: String(f.get('confirmPassword') ?? ''),
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {error && !fe.password && !fe.confirmPassword ? <Alert>{error.message}</Alert> : null}
      <Field id="password" label={t('fields.password')} error={fe.password} hint={t('invite.passwordHint')}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          invalid={Boolean(fe.password)}
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
      <Button type="submit" className="w-full" disabled={accept.isPending}>
        {t('invite.submit')}
      </Button>
    </form>
  );
};
