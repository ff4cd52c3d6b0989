'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ZDebtorDetailsInput } from '@/server/api/routers/debtor/debtor.schema';
import { formatDateTime } from '@/lib/format';
import { useProof } from '../complaints/use-proof';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { TextField } from '../ui/field';

type Details = { contractNo: string; debtorName: string; idLast4: string };
type Verified = { ticket: string; numbers: { index: number; masked: string }[] };

/**
 * The way in, in three steps on one small screen: the loan's details (the complaint form's
 * check), a number on file to send a code to (shown masked), the code. The session cookie
 * then opens the debtor's own page (the server renders it on refresh).
 */
export const DebtorVerify = () => {
  const t = useTranslations('debtor');
  const router = useRouter();
  const { proving, withProof, client } = useProof();
  const [verified, setVerified] = useState<Verified | null>(null);
  const [index, setIndex] = useState(0);
  const [code, setCode] = useState('');
  const verify = useMutation({
    mutationFn: (input: Details) => withProof(input, (i) => client.debtor.verify.mutate(i)),
    onSuccess: (v) => {
      setVerified(v);
      setIndex(v.numbers[0]?.index ?? 0);
    },
  });
  // The last code sent stays on screen (and can be typed in) when asking for another is refused.
  const [sent, setSent] = useState<{ codeId: string; number: string; expiresAt: Date } | null>(null);
  const send = useMutation({
    mutationFn: () => client.debtor.sendCode.mutate({ ticket: verified?.ticket ?? '', index }),
    onSuccess: (s) => setSent(s),
  });
  const confirm = useMutation({
    mutationFn: () =>
      client.debtor.confirm.mutate({ ticket: verified?.ticket ?? '', codeId: sent?.codeId ?? '', code }),
    onSuccess: () => router.refresh(),
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZDebtorDetailsInput, { defaultValues: { contractNo: '', debtorName: '', idLast4: '' } });
  const detailsError = errorInfo(verify.error);
  const message = (name: string) => fieldMessage(errors, detailsError, name);

  if (!verified)
    return (
      <Card title={t('step1')}>
        <form
          className="space-y-4"
          noValidate
          onSubmit={handleSubmit((v) => verify.mutate(v))}
          data-testid="debtor-details-form"
        >
          <TextField
            id="debtor-contract"
            label={t('contractNo')}
            error={message('contractNo')}
            {...register('contractNo')}
          />
          <TextField
            id="debtor-name"
            label={t('debtorName')}
            error={message('debtorName')}
            {...register('debtorName')}
          />
          <TextField
            id="debtor-id4"
            label={t('idLast4')}
            hint={t('idLast4Hint')}
            inputMode="text"
            maxLength={4}
            error={message('idLast4')}
            {...register('idLast4')}
          />
          {detailsError && Object.keys(detailsError.fieldErrors).length === 0 ? (
            <Alert tone="error" testId="debtor-details-error">
              {detailsError.message}
            </Alert>
          ) : null}
          {proving ? <p className="text-sm text-slate-500">{t('proving')}</p> : null}
          <Button
            type="submit"
            className="w-full py-2.5"
            disabled={verify.isPending}
            data-testid="debtor-details-submit"
          >
            {t('next')}
          </Button>
        </form>
      </Card>
    );

  const sendError = errorInfo(send.error);
  const confirmError = errorInfo(confirm.error);
  return (
    <Card title={t('step2')}>
      <div className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t('chooseNumber')}</legend>
          {verified.numbers.map((n) => (
            <label key={n.index} className="flex items-center gap-3 rounded-md p-2 ring-1 ring-slate-200">
              <input
                type="radio"
                name="debtor-number"
                checked={index === n.index}
                onChange={() => setIndex(n.index)}
                data-testid={`debtor-number-${n.index}`}
              />
              <span className="font-mono text-base">{n.masked}</span>
            </label>
          ))}
        </fieldset>
        <Button
          variant="secondary"
          className="w-full py-2.5"
          disabled={send.isPending}
          onClick={() => send.mutate()}
          data-testid="debtor-send-code"
        >
          {sent ? t('resend') : t('sendCode')}
        </Button>
        {sent ? (
          <p className="text-sm text-slate-600" data-testid="debtor-code-sent">
            {t('codeSent', { number: sent.number, until: formatDateTime(sent.expiresAt) })}
          </p>
        ) : null}
        {sendError ? (
          <Alert tone="error" testId="debtor-send-error">
            {sendError.message}
          </Alert>
        ) : null}
        {sent ? (
          <form
            className="space-y-3"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              confirm.mutate();
            }}
          >
            <TextField
              id="debtor-code"
              label={t('code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={confirmError?.message}
            />
            <Button type="submit" className="w-full py-2.5" disabled={confirm.isPending} data-testid="debtor-confirm">
              {t('confirm')}
            </Button>
          </form>
        ) : null}
        <button
          type="button"
          className="text-sm text-amber-700 underline"
          onClick={() => {
            setVerified(null);
            setSent(null);
            send.reset();
            confirm.reset();
            setCode('');
          }}
        >
          {t('back')}
        </button>
      </div>
    </Card>
  );
};
