'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { CLOSE_REASON_LENGTH } from '@/lib/cases';
import { formatDateTime } from '@/lib/format';
import type { CaseHoldStatus } from '@/lib/enums';
import { ZDecideHoldForm } from '@/server/api/routers/holds/holds.schema';
import type { THold } from '@/server/api/routers/work/protections.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field } from '../ui/field';

export const HOLD_TONE: Record<CaseHoldStatus, 'amber' | 'red' | 'green' | 'slate'> = {
  open: 'amber',
  closed: 'red',
  continued: 'green',
  withdrawn: 'slate',
};

/** Whether an open hold's answer is late now. */
export const isLate = (h: Pick<THold, 'status' | 'answerDueAt'>, now = Date.now()) =>
  h.status === 'open' && h.answerDueAt.getTime() < now;

/** The banner over a case on hold: collection stopped, why, and by when the creditor answers. */
export const HoldBanner = ({ hold, timeZone }: { hold: THold; timeZone: string }) => {
  const t = useTranslations('holds');
  return (
    <div className="mb-4">
      <Alert testId="hold-banner">
        <span className="font-medium">{t(`banner.${hold.kind}`)}</span>{' '}
        {t('bannerDue', { due: formatDateTime(hold.answerDueAt, timeZone) })}
      </Alert>
    </div>
  );
};

/** The creditor's answer to an open hold: close the case, or continue with the reason. */
const DecideHold = ({ hold }: { hold: THold }) => {
  const t = useTranslations('holds');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useZodForm(ZDecideHoldForm, { defaultValues: { decision: 'continue', reason: '' } });
  const decide = useMutation(
    trpc.holds.decide.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.record.case.queryKey({ caseId: hold.caseId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.holds.list.queryKey() }),
        ]),
    }),
  );
  const error = errorInfo(decide.error);
  const send = (decision: 'close' | 'continue') => {
    setValue('decision', decision);
    return handleSubmit((values) => decide.mutate({ holdId: hold.id, ...values }));
  };
  return (
    <form className="mt-3 space-y-2" noValidate data-testid="hold-decide" onSubmit={(e) => e.preventDefault()}>
      <Field
        id={`hold-reason-${hold.id}`}
        label={t('reason')}
        hint={t(`reasonHint.${hold.kind}`, CLOSE_REASON_LENGTH)}
        error={fieldMessage(errors, error, 'reason')}
      >
        <textarea
          id={`hold-reason-${hold.id}`}
          rows={2}
          maxLength={CLOSE_REASON_LENGTH.max}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
          {...register('reason')}
          data-testid="hold-reason"
        />
      </Field>
      {error && !error.fieldErrors.reason ? <Alert testId="hold-error">{error.message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void send('continue')()} disabled={decide.isPending} data-testid="hold-continue">
          {t(`continue.${hold.kind}`)}
        </Button>
        <Button
          variant="danger"
          onClick={() => void send('close')()}
          disabled={decide.isPending}
          data-testid="hold-close"
        >
          {t('close')}
        </Button>
      </div>
    </form>
  );
};

/** One hold: kind, who raised it and when, what they noted, and the answer (or the form to give it). */
const HoldItem = ({ hold, timeZone, canDecide }: { hold: THold; timeZone: string; canDecide: boolean }) => {
  const t = useTranslations('holds');
  return (
    <li className="rounded-md p-3 ring-1 ring-slate-200" data-testid="hold">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium text-slate-900">{t(`kind.${hold.kind}`)}</span>
        <Badge tone={HOLD_TONE[hold.status]}>{t(`status.${hold.status}`)}</Badge>
        {isLate(hold) ? <Badge tone="red">{t('late')}</Badge> : null}
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {t('raised', {
          at: formatDateTime(hold.raisedAt, timeZone),
          by:
            hold.origin === 'debtor' ? t('byDebtor') : [hold.agencyName, hold.raisedByName].filter(Boolean).join(' · '),
          due: formatDateTime(hold.answerDueAt, timeZone),
        })}
      </p>
      {hold.note ? <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">{hold.note}</p> : null}
      {hold.documentName ? (
        <a
          href={`/api/hold-documents/${hold.id}`}
          className="mt-1 inline-block text-sm text-amber-700 underline"
          data-testid="hold-document"
        >
          {t('document', { name: hold.documentName })}
        </a>
      ) : null}
      {hold.decidedAt ? (
        <p className="mt-2 text-sm text-slate-800" data-testid="hold-answer">
          {t('answered', {
            at: formatDateTime(hold.decidedAt, timeZone),
            by: hold.decidedByName ?? '',
          })}{' '}
          {hold.decisionNote}
        </p>
      ) : null}
      {canDecide && hold.status === 'open' ? <DecideHold hold={hold} /> : null}
    </li>
  );
};

/** A case's holds on collection, the open one first. Nothing is shown for a case never put on hold. */
export const HoldsCard = ({
  holds,
  timeZone,
  canDecide = false,
}: {
  holds: THold[];
  timeZone: string;
  canDecide?: boolean;
}) => {
  const t = useTranslations('holds');
  if (holds.length === 0) return null;
  return (
    <Card title={t('title')}>
      <ul className="space-y-3" data-testid="holds">
        {holds.map((h) => (
          <HoldItem key={h.id} hold={h} timeZone={timeZone} canDecide={canDecide} />
        ))}
      </ul>
    </Card>
  );
};
