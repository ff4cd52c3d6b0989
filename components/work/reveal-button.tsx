'use client';

import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { ZRevealForm, type ZRevealInput } from '@/server/api/routers/work/work.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Button } from '../ui/button';
import { Input } from '../ui/field';

type Target = z.infer<typeof ZRevealInput>;
type Which = Target extends infer T ? (T extends { reason: string } ? Omit<T, 'reason' | 'caseId'> : never) : never;

/** Shows one full number after the user gives a reason; the server audits every reveal. */
export const RevealWithReason = <TInput, TError>({
  options,
  inputFor,
  testId,
  schema = ZRevealForm,
}: {
  options: UseMutationOptions<{ value: string }, TError, TInput>;
  inputFor: (reason: string) => TInput;
  testId: string;
  /** The procedure's rule for the reason (every reveal asks 4 to 200 characters). */
  schema?: z.ZodType<{ reason: string }, { reason: string }>;
}) => {
  const t = useTranslations('work.reveal');
  const [isOpen, setOpen] = useState(false);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(schema, { defaultValues: { reason: '' } });
  const reveal = useMutation(options);
  const error = errorInfo(reveal.error);
  const message = fieldMessage(errors, error, 'reason') ?? error?.message;
  if (reveal.data)
    return (
      <span className="font-mono text-sm text-slate-900" data-testid={`${testId}-value`}>
        {reveal.data.value}
      </span>
    );
  if (!isOpen)
    return (
      <Button variant="ghost" onClick={() => setOpen(true)} data-testid={testId}>
        {t('show')}
      </Button>
    );
  return (
    <form
      className="inline-flex flex-wrap items-center gap-2"
      noValidate
      onSubmit={handleSubmit(({ reason }) => reveal.mutate(inputFor(reason)))}
    >
      <Input
        aria-label={t('reason')}
        placeholder={t('reason')}
        {...register('reason')}
        invalid={Boolean(message)}
        className="w-48"
        data-testid={`${testId}-reason`}
      />
      <Button type="submit" variant="secondary" disabled={reveal.isPending} data-testid={`${testId}-confirm`}>
        {t('confirm')}
      </Button>
      {message ? (
        <span className="text-xs text-red-600" data-testid={`${testId}-error`}>
          {message}
        </span>
      ) : (
        <span className="text-xs text-slate-500">{t('audited')}</span>
      )}
    </form>
  );
};

/** A number of a case (the debtor's ID or phone, a contact's phone), revealed for a reason. */
export const RevealButton = ({ caseId, which, testId }: { caseId: string; which: Which; testId: string }) => {
  const trpc = useTRPC();
  return (
    <RevealWithReason
      options={trpc.work.reveal.mutationOptions()}
      inputFor={(reason) => ({ caseId, reason, ...which }) as Target}
      testId={testId}
    />
  );
};
