'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { RESTRUCTURE_KINDS } from '@/lib/enums';
import { ZRestructureForm, type TRestructure } from '@/server/api/routers/work/work.schema';
import { bpToPercent, formatFen } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select } from '../ui/field';

export const RESTRUCTURE_TONE: Record<string, Tone> = {
  proposed: 'amber',
  approved: 'green',
  rejected: 'red',
  expired: 'slate',
};

/** What a request asks for, in words, and its schedule. */
export const RestructureSummary = ({ r }: { r: TRestructure }) => {
  const t = useTranslations('restructure');
  const what =
    r.kind === 'reduction'
      ? t('what.reduction', { percent: bpToPercent(r.terms.reductionBp ?? 0), total: formatFen(r.totalAmount) })
      : r.kind === 'deferral'
        ? t('what.deferral', { date: r.terms.deferTo ?? '' })
        : t('what.instalments', { n: r.terms.instalments ?? 0, first: r.terms.firstDueDate ?? '' });
  return (
    <div className="text-sm">
      <div className="text-slate-900">{what}</div>
      <div className="text-xs text-slate-500">
        {r.schedule
          .slice(0, 4)
          .map((l) => `${l.dueDate} ${formatFen(l.amount)}`)
          .join(' · ')}
        {r.schedule.length > 4 ? ` · …（${r.schedule.length}）` : ''}
      </div>
      {r.origin === 'debtor' ? (
        <div className="text-xs font-medium text-sky-800" data-testid="restructure-by-debtor">
          {t('byDebtor')}
        </div>
      ) : null}
      {r.reason ? <div className="text-xs text-slate-600">{r.reason}</div> : null}
    </div>
  );
};

/** The case's restructuring requests and a form for a new one (reduction, deferral, instalments). */
export const RestructureCard = ({ caseId, bands }: { caseId: string; bands: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.work.restructures.queryOptions({ caseId }));
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZRestructureForm, {
    defaultValues: { kind: 'reduction', reductionBp: '', deferTo: '', instalments: '', firstDueDate: '', reason: '' },
  });
  const kind = watch('kind');
  const propose = useMutation(
    trpc.work.proposeRestructure.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.work.restructures.queryKey({ caseId }) });
        // Approved at once: the case's plan, balance and days overdue change with it.
        void queryClient.invalidateQueries({ queryKey: trpc.work.case.queryKey({ caseId }) });
      },
    }),
  );
  const error = errorInfo(propose.error);
  // Input errors name the terms' fields as `terms.x`; domain errors name them as `x`.
  const fieldError = (k: string) => fieldMessage(errors, error, k) ?? error?.fieldErrors[`terms.${k}`]?.[0];
  return (
    <Card title={t('restructure.title')}>
      <ul className="mb-4 space-y-2" data-testid="restructure-list">
        {(list.data ?? []).length === 0 ? <li className="text-sm text-slate-500">{t('restructure.none')}</li> : null}
        {(list.data ?? []).map((r) => (
          <li
            key={r.id}
            className="flex items-start justify-between gap-3 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200"
            data-testid="restructure-row"
          >
            <RestructureSummary r={r} />
            <Badge tone={RESTRUCTURE_TONE[r.status] ?? 'slate'}>
              {t(`restructure.status.${r.status}`)}
              {r.isAutoApproved ? ` · ${t('restructure.auto')}` : ''}
            </Badge>
          </li>
        ))}
      </ul>
      <p className="mb-3 text-xs text-slate-500">{t('restructure.bands', { bands })}</p>
      <form noValidate onSubmit={handleSubmit((values) => propose.mutate({ caseId, ...values }))}>
        <div className="grid gap-3 md:grid-cols-4">
          <Field id="rs-kind" label={t('restructure.kind')}>
            <Select id="rs-kind" {...register('kind')}>
              {RESTRUCTURE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`restructure.kinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          {kind === 'reduction' ? (
            <Field id="rs-reduction" label={t('restructure.reduction')} error={fieldError('reductionBp')}>
              <Input
                id="rs-reduction"
                inputMode="decimal"
                {...register('reductionBp')}
                invalid={Boolean(fieldError('reductionBp'))}
              />
            </Field>
          ) : null}
          {kind === 'instalments' ? (
            <Field id="rs-instalments" label={t('restructure.instalments')} error={fieldError('instalments')}>
              <Input
                id="rs-instalments"
                type="number"
                min={2}
                max={60}
                {...register('instalments')}
                invalid={Boolean(fieldError('instalments'))}
              />
            </Field>
          ) : null}
          {kind === 'deferral' ? (
            <Field id="rs-deferTo" label={t('restructure.deferTo')} error={fieldError('deferTo')}>
              <Input id="rs-deferTo" type="date" {...register('deferTo')} invalid={Boolean(fieldError('deferTo'))} />
            </Field>
          ) : (
            <Field
              id="rs-first"
              label={kind === 'reduction' ? t('restructure.payBy') : t('restructure.firstDueDate')}
              error={fieldError('firstDueDate')}
            >
              <Input
                id="rs-first"
                type="date"
                {...register('firstDueDate')}
                invalid={Boolean(fieldError('firstDueDate'))}
              />
            </Field>
          )}
        </div>
        <div className="mt-3">
          <Field id="rs-reason" label={t('restructure.reason')} error={fieldError('reason')}>
            <Input id="rs-reason" {...register('reason')} invalid={Boolean(fieldError('reason'))} />
          </Field>
        </div>
        {error && !['reductionBp', 'instalments', 'deferTo', 'firstDueDate', 'reason'].some((k) => fieldError(k)) ? (
          <div className="mt-3">
            <Alert testId="restructure-error">{error.message}</Alert>
          </div>
        ) : null}
        {propose.data ? (
          <div className="mt-3">
            <Alert tone="success" testId="restructure-result">
              {propose.data.status === 'approved' ? t('restructure.approvedAtOnce') : t('restructure.waiting')}
            </Alert>
          </div>
        ) : null}
        <Button
          className="mt-3"
          type="submit"
          variant="secondary"
          disabled={propose.isPending}
          data-testid="restructure-submit"
        >
          {t('restructure.submit')}
        </Button>
      </form>
    </Card>
  );
};
