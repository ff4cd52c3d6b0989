'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';
import { callbackPath } from '@/lib/callback-url';
import { ZSignInInput, type TSignInInput } from '@/server/api/routers/auth/auth.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

const KNOWN = [
  'auth.invalidCredentials',
  'auth.throttled',
  'auth.accountDisabled',
  'auth.orgBlocked',
  'auth.signInRequired',
  'auth.sessionEnded',
];

/** next-auth reports `<code>` or `<code>:<minutes>`; this turns it into the visitor's language. */
const useSignInError = () => {
  const t = useTranslations('errors');
  return (raw: string | null | undefined): string | null => {
    if (!raw) return null;
    const [code = '', minutes] = raw.split(':');
    if (!KNOWN.includes(code)) return t('auth.invalidCredentials');
    return t(code, { minutes: Number(minutes ?? 15) });
  };
};

/** Email and password, each required under its field before anything is sent; the answer of a refusal above. */
export const SignInForm = ({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string | null;
  initialError: string | null;
}) => {
  const t = useTranslations();
  const router = useRouter();
  const describe = useSignInError();
  // The refusal next-auth answered (not a field of the form).
  const [error, setError] = useState<string | null>(describe(initialError));
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useZodForm(ZSignInInput, { defaultValues: { email: '', password: '' } });
  const message = (name: keyof TSignInInput) => fieldMessage(errors, null, name);

  const submit = async ({ email, password }: TSignInInput) => {
    setError(null);
    const res = await signIn('credentials', { email, password, redirect: false });
    if (!res || res.error) {
      setError(describe(res?.error ?? 'auth.invalidCredentials'));
      return;
    }
    // Back where they were going, if that is a page of this site; else the landing route
    // sends the user to their own portal.
    router.replace(callbackPath(callbackUrl, window.location.origin));
    router.refresh();
  };

  return (
    <form onSubmit={handleSubmit(submit)} className="space-y-4" noValidate data-testid="signin-form">
      {error ? <Alert testId="signin-error">{error}</Alert> : null}
      <TextField
        id="email"
        label={t('fields.email')}
        error={message('email')}
        {...register('email')}
        type="email"
        autoComplete="username"
        required
      />
      <TextField
        id="password"
        label={t('fields.password')}
        error={message('password')}
        {...register('password')}
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" className="w-full" disabled={isSubmitting} data-testid="signin-submit">
        {isSubmitting ? t('signin.signingIn') : t('signin.submit')}
      </Button>
    </form>
  );
};
