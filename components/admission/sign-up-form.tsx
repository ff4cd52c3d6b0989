'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { TextField } from '../ui/field';
import { ZSignUpInput, type TSignUpInput } from '@/server/api/routers/admission/admission.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';

/**
 * Public sign-up: the organization and its first administrator. The administrator sets a
 * password through the link mailed to the address given, then signs in to the application;
 * the page says the same whether or not that address already has an account.
 */
export const SignUpForm = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.admission.signUp.mutationOptions());
  const error = errorInfo(signUp.error);
  const fe = error?.fieldErrors ?? {};
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZSignUpInput, {
    defaultValues: { type: 'agency', orgName: '', creditCode: '', adminName: '', email: '', phone: null },
  });
  const type = watch('type');
  const message = (name: keyof TSignUpInput) => fieldMessage(errors, error, name);
  if (signUp.isSuccess) {
    return (
      <div className="space-y-3" data-testid="signup-sent">
        <Alert tone="success">{t('signup.sent', { email: signUp.data.email })}</Alert>
        <p className="text-sm text-slate-600">{t('signup.sentHint')}</p>
      </div>
    );
  }
  return (
    <form onSubmit={handleSubmit((v) => signUp.mutate(v))} className="space-y-4" noValidate data-testid="signup-form">
      {error && Object.keys(fe).length === 0 ? <Alert testId="signup-error">{error.message}</Alert> : null}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('signup.typeLegend')}</legend>
        <div className="grid grid-cols-2 gap-3">
          {(['agency', 'creditor'] as const).map((k) => (
            <label
              key={k}
              className={`cursor-pointer rounded-md p-3 text-sm ring-1 ${type === k ? 'bg-amber-50 ring-amber-500' : 'bg-white ring-slate-200 hover:bg-slate-50'}`}
            >
              <input type="radio" {...register('type')} value={k} className="mr-2" data-testid={`signup-type-${k}`} />
              <span className="font-medium text-slate-900">{t(`orgType.${k}`)}</span>
              <span className="mt-1 block text-xs text-slate-500">{t(`signup.typeHint.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField id="orgName" label={t('orgs.orgNameField')} error={message('orgName')} {...register('orgName')} />
      <TextField
        id="creditCode"
        label={t('fields.creditCode')}
        error={message('creditCode')}
        hint={t('signup.creditCodeHint')}
        {...register('creditCode')}
        maxLength={18}
        className="font-mono uppercase"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="adminName"
          label={t('signup.adminName')}
          error={message('adminName')}
          {...register('adminName')}
        />
        <TextField
          id="phone"
          label={t('fields.phone')}
          error={message('phone')}
          hint={t('users.phoneHint')}
          {...register('phone', { setValueAs: (v: string | null) => v?.trim() || null })}
          inputMode="numeric"
        />
      </div>
      <TextField
        id="email"
        label={t('fields.email')}
        error={message('email')}
        hint={t('signup.emailHint')}
        {...register('email')}
        type="email"
        autoComplete="email"
      />
      <Button type="submit" className="w-full" disabled={signUp.isPending} data-testid="signup-submit">
        {signUp.isPending ? t('common.saving') : t('signup.submit')}
      </Button>
    </form>
  );
};
