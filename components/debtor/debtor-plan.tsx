'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { RESTRUCTURE_KINDS } from '@/lib/enums';
import { bpToPercent, formatDate, formatDateTime, formatFen } from '@/lib/format';
import { shanghaiDate } from '@/lib/dates';
import type { TDebtorPlanView } from '@/server/api/routers/debtor/debtor.schema';
import { ZRestructureForm } from '@/server/api/routers/work/work.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPCClient } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Textarea } from '../ui/field';

const DAY = 86_400_000;
/** Instalment counts offered as one tap, within the bands. */
const QUICK_COUNTS = [3, 6, 12, 24];

/** The plan in force: each instalment, what is due and what was paid. */
const PlanSchedule = ({ plan }: { plan: NonNullable<TDebtorPlanView['plan']> }) => {
  const t = useTranslations('debtor.plan');
  return (
    <div data-testid="debtor-plan-schedule">
      <p className="mb-2 text-sm text-slate-700">
        {t('inForce', { total: formatFen(plan.totalAmount), n: plan.instalments.length })}
      </p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-normal">{t('no')}</th>
            <th className="py-1 font-normal">{t('dueDate')}</th>
            <th className="py-1 text-right font-normal">{t('amount')}</th>
            <th className="py-1 text-right font-normal">{t('paid')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.instalments.map((l) => (
            <tr key={l.no} className="border-t border-slate-100" data-testid="debtor-plan-line">
              <td className="py-1.5">{l.no}</td>
              <td className="py-1.5">{l.dueDate}</td>
              <td className="py-1.5 text-right">{formatFen(l.amount)}</td>
              <td className="py-1.5 text-right text-slate-500">{formatFen(l.paidAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** The answer to the debtor's last request, as the page tells it. */
const LatestAnswer = ({ latest }: { latest: NonNullable<TDebtorPlanView['latest']> }) => {
  const t = useTranslations('debtor.plan');
  if (latest.status === 'proposed')
    return (
      <Alert tone="info" testId="debtor-plan-answer">
        {t('waiting', { due: formatDateTime(latest.expiresAt) })}
      </Alert>
    );
  if (latest.status === 'approved')
    return (
      <Alert tone="success" testId="debtor-plan-answer">
        {t('approved', { at: formatDate(latest.decidedAt ?? latest.createdAt) })}
      </Alert>
    );
  return (
    <Alert tone="error" testId="debtor-plan-answer">
      {t(latest.status === 'rejected' ? 'rejected' : 'expired', {
        at: formatDate(latest.decidedAt ?? latest.createdAt),
      })}
    </Alert>
  );
};

/**
 * A repayment plan in a few taps: instalments (a count in one tap), a reduction or a
 * deferral, with the creditor's bands said up front. Inside them it is the plan at once;
 * outside, the creditor decides and the answer comes here and by SMS.
 */
export const DebtorPlanCard = ({ view, amountOverdue }: { view: TDebtorPlanView; amountOverdue: number }) => {
  const t = useTranslations();
  const router = useRouter();
  const client = useTRPCClient();
  const soon = shanghaiDate(new Date(Date.now() + 7 * DAY));
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    reset,
    formState: { errors },
  } = useZodForm(ZRestructureForm, {
    defaultValues: {
      kind: 'instalments',
      reductionBp: '',
      deferTo: '',
      instalments: '6',
      firstDueDate: soon,
      reason: '',
    },
  });
  const propose = useMutation({
    mutationFn: (values: Parameters<typeof client.debtor.proposePlan.mutate>[0]) =>
      client.debtor.proposePlan.mutate(values),
    onSuccess: () => {
      reset();
      router.refresh();
    },
  });
  const error = errorInfo(propose.error);
  const fieldError = (k: string) => fieldMessage(errors, error, k) ?? error?.fieldErrors[`terms.${k}`]?.[0];
  const kind = watch('kind');
  const count = Number(watch('instalments'));
  const bands = view.bands;
  if (!bands && !view.plan) return null;
  const form = bands && (
    <form
      className="space-y-3"
      noValidate
      onSubmit={handleSubmit((values) => propose.mutate(values))}
      data-testid="debtor-plan-form"
    >
      <p className="text-sm text-slate-600">
        {t('debtor.plan.bands', {
          n: bands.maxInstalments,
          percent: bpToPercent(bands.maxReductionBp),
          days: view.autoStartDays,
        })}
      </p>
      <div className="grid grid-cols-3 gap-2" role="radiogroup" aria-label={t('restructure.kind')}>
        {RESTRUCTURE_KINDS.map((k) => (
          <label
            key={k}
            className={`cursor-pointer rounded-md px-2 py-2.5 text-center text-sm ring-1 ${
              kind === k ? 'bg-amber-50 font-medium text-amber-900 ring-amber-500' : 'text-slate-700 ring-slate-300'
            }`}
          >
            <input
              type="radio"
              value={k}
              className="sr-only"
              {...register('kind')}
              data-testid={`debtor-plan-kind-${k}`}
            />
            {t(`debtor.plan.kinds.${k}`)}
          </label>
        ))}
      </div>
      {kind === 'instalments' ? (
        <>
          <div className="flex flex-wrap gap-2" data-testid="debtor-plan-counts">
            {QUICK_COUNTS.map((n) => (
              <button
                key={n}
                type="button"
                onClick={() => setValue('instalments', String(n))}
                className={`rounded-full px-3 py-1.5 text-sm ring-1 ${
                  count === n ? 'bg-amber-600 text-white ring-amber-600' : 'text-slate-700 ring-slate-300'
                }`}
                data-testid={`debtor-plan-count-${n}`}
              >
                {t('debtor.plan.count', { n })}
                {n > bands.maxInstalments ? ` · ${t('debtor.plan.needsCreditor')}` : ''}
              </button>
            ))}
          </div>
          <Field id="debtor-plan-instalments" label={t('restructure.instalments')} error={fieldError('instalments')}>
            <Input
              id="debtor-plan-instalments"
              type="number"
              inputMode="numeric"
              min={2}
              max={60}
              {...register('instalments')}
              invalid={Boolean(fieldError('instalments'))}
            />
          </Field>
          {count >= 2 && count <= 60 ? (
            <p className="text-sm text-slate-700" data-testid="debtor-plan-each">
              {t('debtor.plan.each', { amount: formatFen(Math.floor(amountOverdue / count)) })}
            </p>
          ) : null}
        </>
      ) : null}
      {kind === 'reduction' ? (
        <Field id="debtor-plan-reduction" label={t('restructure.reduction')} error={fieldError('reductionBp')}>
          <Input
            id="debtor-plan-reduction"
            inputMode="decimal"
            {...register('reductionBp')}
            invalid={Boolean(fieldError('reductionBp'))}
          />
        </Field>
      ) : null}
      {kind === 'deferral' ? (
        <Field id="debtor-plan-deferTo" label={t('restructure.deferTo')} error={fieldError('deferTo')}>
          <Input
            id="debtor-plan-deferTo"
            type="date"
            {...register('deferTo')}
            invalid={Boolean(fieldError('deferTo'))}
          />
        </Field>
      ) : (
        <Field
          id="debtor-plan-first"
          label={kind === 'reduction' ? t('restructure.payBy') : t('restructure.firstDueDate')}
          error={fieldError('firstDueDate')}
        >
          <Input
            id="debtor-plan-first"
            type="date"
            {...register('firstDueDate')}
            invalid={Boolean(fieldError('firstDueDate'))}
          />
        </Field>
      )}
      <Field id="debtor-plan-reason" label={t('debtor.plan.reason')} error={fieldError('reason')}>
        <Textarea id="debtor-plan-reason" rows={3} {...register('reason')} invalid={Boolean(fieldError('reason'))} />
      </Field>
      {error && !['reductionBp', 'instalments', 'deferTo', 'firstDueDate', 'reason'].some((k) => fieldError(k)) ? (
        <Alert testId="debtor-plan-error">{error.message}</Alert>
      ) : null}
      <Button type="submit" className="w-full py-2.5" disabled={propose.isPending} data-testid="debtor-plan-submit">
        {t('debtor.plan.submit')}
      </Button>
    </form>
  );
  return (
    <Card title={view.plan ? t('debtor.plan.titleInForce') : t('debtor.plan.title')}>
      <div className="space-y-3" data-testid="debtor-plan">
        {view.plan ? <PlanSchedule plan={view.plan} /> : null}
        {view.latest ? <LatestAnswer latest={view.latest} /> : null}
        {bands && !view.hasPendingRequest ? (
          view.plan ? (
            <details data-testid="debtor-plan-change">
              <summary className="cursor-pointer text-sm text-amber-700">{t('debtor.plan.change')}</summary>
              <div className="mt-3">{form}</div>
            </details>
          ) : (
            form
          )
        ) : null}
      </div>
    </Card>
  );
};
