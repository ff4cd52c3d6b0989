'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';
import { callbackPath } from '@/lib/callback-url';

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
  const [error, setError] = useState<string | null>(describe(initialError));
  const [isPending, setPending] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const email = String(f.get('email') ?? '').trim();
    const password = String(f.get('password') ?? '');
    if (!email || !password) {
      setError(t('signin.missing'));
      return;
    }
    setPending(true);
    setError(null);
    const res = await signIn('credentials', { email, password, redirect: false });
    setPending(false);
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
    <form onSubmit={(e) => void submit(e)} className="space-y-4" noValidate data-testid="signin-form">
      {error ? <Alert testId="signin-error">{error}</Alert> : null}
      <Field id="email" label={t('fields.email')}>
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </Field>
      <Field id="password" label={t('fields.password')}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" disabled={isPending} data-testid="signin-submit">
        {isPending ? t('signin.signingIn') : t('signin.submit')}
      </Button>
    </form>
  );
};
