'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { VISIT_OUTCOMES } from '@/lib/enums';
import { MIN_VISIT_STAFF } from '@/lib/visits';
import {
  ZCancelVisitForm,
  ZPlanVisitForm,
  ZRecordVisitForm,
  type TVisit,
  type TWorkCase,
} from '@/server/api/routers/work/work.schema';
import { uploadFile, UploadError } from '../files/upload';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo, type ErrorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { ProgressBar } from '../ui/progress';
import { VisitView } from './visit-view';

const textarea =
  'block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600';

const useRefreshVisits = (caseId: string) => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.work.visits.queryKey({ caseId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.work.actions.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.work.case.queryKey({ caseId }) });
  };
};

/** Plans a visit: a day and time in the debtor's zone, the address, at least two named staff. */
const PlanForm = ({ c }: { c: TWorkCase }) => {
  const t = useTranslations('visits');
  const trpc = useTRPC();
  const refresh = useRefreshVisits(c.id);
  const staff = useQuery(trpc.work.visitStaff.queryOptions());
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isSubmitted },
  } = useZodForm(ZPlanVisitForm, {
    defaultValues: { date: '', time: '10:00', address: c.address ?? '', purpose: '', staffIds: [] },
  });
  const [date, staffIds] = watch(['date', 'staffIds']);
  const plan = useMutation(trpc.work.planVisit.mutationOptions({ onSuccess: refresh }));
  const error = errorInfo(plan.error);
  const message = (name: string) => fieldMessage(errors, error, name);
  const toggle = (id: string) =>
    setValue('staffIds', staffIds.includes(id) ? staffIds.filter((x) => x !== id) : [...staffIds, id], {
      shouldValidate: isSubmitted,
    });
  return (
    <form
      className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
      data-testid="visit-plan"
      noValidate
      onSubmit={handleSubmit((values) => plan.mutate({ caseId: c.id, ...values }))}
    >
      <h4 className="text-sm font-medium text-slate-800">{t('plan')}</h4>
      <div className="grid gap-3 md:grid-cols-4">
        <Field id="visit-date" label={t('date')} error={message('date')}>
          <Input id="visit-date" type="date" {...register('date')} invalid={Boolean(message('date'))} />
        </Field>
        <Field id="visit-time" label={t('time', { timeZone: c.timeZone })} error={message('time')}>
          <Input id="visit-time" type="time" {...register('time')} invalid={Boolean(message('time'))} />
        </Field>
        <div className="md:col-span-2">
          <Field id="visit-address" label={t('address')} error={message('address')}>
            <Input id="visit-address" {...register('address')} invalid={Boolean(message('address'))} />
          </Field>
        </div>
      </div>
      <Field id="visit-purpose" label={t('purpose')} error={message('purpose')}>
        <Input
          id="visit-purpose"
          placeholder={t('purposePlaceholder')}
          {...register('purpose')}
          invalid={Boolean(message('purpose'))}
        />
      </Field>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('staff')}</legend>
        <div className="flex flex-wrap gap-3" data-testid="visit-staff-options">
          {(staff.data ?? []).map((s) => (
            <label key={s.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={staffIds.includes(s.id)} onChange={() => toggle(s.id)} />
              {s.name}
            </label>
          ))}
        </div>
        {message('staffIds') ? (
          <p className="mt-1 text-xs text-red-600" data-testid="visit-staffIds-error">
            {message('staffIds')}
          </p>
        ) : null}
      </fieldset>
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Alert testId="visit-plan-error">{error.message}</Alert>
      ) : null}
      {plan.isSuccess ? (
        <Alert tone="success" testId="visit-planned">
          {t('planned')}
        </Alert>
      ) : null}
      <Button
        type="submit"
        disabled={plan.isPending || staffIds.length < MIN_VISIT_STAFF || !date}
        data-testid="visit-plan-submit"
      >
        {t('plan')}
      </Button>
    </form>
  );
};

/** Records a planned visit on site (the server stamps the time), or calls it off for a reason. */
const RecordForm = ({ c, visit }: { c: TWorkCase; visit: TVisit }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useRefreshVisits(c.id);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useZodForm(ZRecordVisitForm, {
    defaultValues: { outcome: 'answered', note: '', promiseAmount: '', promiseDate: '' },
  });
  const called = useZodForm(ZCancelVisitForm, { defaultValues: { reason: '' } });
  const outcome = watch('outcome');
  const record = useMutation(trpc.work.recordVisit.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.work.cancelVisit.mutationOptions({ onSuccess: refresh }));
  const error = errorInfo(record.error) ?? errorInfo(cancel.error);
  const message = (name: string) => fieldMessage(errors, error, name);
  const reasonMessage = fieldMessage(called.formState.errors, errorInfo(cancel.error), 'reason');
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3" data-testid="visit-record">
      <form
        className="space-y-3"
        noValidate
        onSubmit={handleSubmit((values) => record.mutate({ visitId: visit.id, ...values }))}
      >
        <div className="grid gap-3 md:grid-cols-3">
          <Field id={`visit-outcome-${visit.id}`} label={t('visits.outcome')} error={message('outcome')}>
            <Select id={`visit-outcome-${visit.id}`} {...register('outcome')} data-testid="visit-outcome">
              {VISIT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`work.outcome.${o}`)}
                </option>
              ))}
            </Select>
          </Field>
          {outcome === 'promise_to_pay' ? (
            <>
              <Field
                id={`visit-amount-${visit.id}`}
                label={t('work.form.promiseAmount')}
                error={message('promiseAmount')}
              >
                <Input
                  id={`visit-amount-${visit.id}`}
                  inputMode="decimal"
                  {...register('promiseAmount')}
                  invalid={Boolean(message('promiseAmount'))}
                />
              </Field>
              <Field id={`visit-pdate-${visit.id}`} label={t('work.form.promiseDate')} error={message('promiseDate')}>
                <Input
                  id={`visit-pdate-${visit.id}`}
                  type="date"
                  {...register('promiseDate')}
                  invalid={Boolean(message('promiseDate'))}
                />
              </Field>
            </>
          ) : null}
        </div>
        <Field
          id={`visit-note-${visit.id}`}
          label={t('visits.note')}
          hint={t('visits.recordHint')}
          error={message('note')}
        >
          <textarea
            id={`visit-note-${visit.id}`}
            rows={2}
            className={textarea}
            {...register('note')}
            data-testid="visit-note"
          />
        </Field>
        {error && Object.keys(error.fieldErrors).length === 0 ? (
          <Alert testId="visit-record-error">{error.message}</Alert>
        ) : null}
        <Button type="submit" disabled={record.isPending} data-testid="visit-record-submit">
          {t('visits.record')}
        </Button>
      </form>
      <form
        className="flex flex-wrap items-start gap-2"
        noValidate
        onSubmit={called.handleSubmit((values) => cancel.mutate({ visitId: visit.id, ...values }))}
      >
        <div className="max-w-xs space-y-1">
          <Input
            aria-label={t('visits.cancelReason')}
            placeholder={t('visits.cancelReason')}
            {...called.register('reason')}
            invalid={Boolean(reasonMessage)}
          />
          {reasonMessage ? (
            <p className="text-xs text-red-600" data-testid="visit-cancel-reason-error">
              {reasonMessage}
            </p>
          ) : null}
        </div>
        <Button type="submit" variant="secondary" disabled={cancel.isPending} data-testid="visit-cancel">
          {t('visits.cancel')}
        </Button>
      </form>
    </div>
  );
};

/**
 * Uploads evidence files one after another, each with its progress (a 200 MB video takes
 * a while), then attaches each to the visit. A refused file says why and the rest go on.
 */
const EvidenceUpload = ({ caseId, visit }: { caseId: string; visit: TVisit }) => {
  const t = useTranslations('visits');
  const trpc = useTRPC();
  const refresh = useRefreshVisits(caseId);
  const attach = useMutation(trpc.work.attachEvidence.mutationOptions());
  const [current, setCurrent] = useState<{ name: string; progress: number } | null>(null);
  const [errors, setErrors] = useState<{ name: string; message: string }[]>([]);
  const [done, setDone] = useState(0);
  const send = async (files: File[]) => {
    setErrors([]);
    setDone(0);
    for (const file of files) {
      setCurrent({ name: file.name, progress: 0 });
      try {
        const stored = await uploadFile(file, (progress) => setCurrent({ name: file.name, progress }));
        await attach.mutateAsync({ visitId: visit.id, fileId: stored.id, fileName: file.name });
        setDone((n) => n + 1);
      } catch (e) {
        const info: ErrorInfo | null = e instanceof UploadError ? e.info : errorInfo(e);
        setErrors((list) => [...list, { name: file.name, message: info?.message ?? String(e) }]);
      }
    }
    setCurrent(null);
    refresh();
  };
  return (
    <div className="space-y-2 border-t border-slate-100 pt-3" data-testid="evidence-upload">
      <Field id={`evidence-${visit.id}`} label={t('upload')} hint={t('uploadHint')}>
        <input
          id={`evidence-${visit.id}`}
          type="file"
          multiple
          accept="image/jpeg,image/png,audio/*,video/*,.amr,.m4a"
          disabled={current !== null}
          className="block text-sm"
          data-testid="evidence-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length) void send(files);
          }}
        />
      </Field>
      {current ? (
        <ProgressBar
          value={current.progress}
          label={t('uploading', { name: current.name })}
          testId="evidence-progress"
        />
      ) : null}
      {done > 0 && !current ? (
        <Alert tone="success" testId="evidence-uploaded">
          {t('uploaded', { count: done })}
        </Alert>
      ) : null}
      {errors.map((e) => (
        <Alert key={e.name} testId="evidence-error">
          {e.name}：{e.message}
        </Alert>
      ))}
    </div>
  );
};

/** The field visits of a case as the agency works them: plan, record on site, upload the evidence. */
export const VisitsCard = ({ c }: { c: TWorkCase }) => {
  const t = useTranslations('visits');
  const trpc = useTRPC();
  const visits = useQuery(trpc.work.visits.queryOptions({ caseId: c.id }));
  const canVisit = c.packageChannels.includes('visit');
  return (
    <Card title={t('title')}>
      <p className="mb-3 text-sm text-slate-600">{t('rule')}</p>
      <div className="space-y-4">
        {canVisit ? <PlanForm c={c} /> : <p className="text-sm text-slate-500">{t('notAllowed')}</p>}
        {visits.data?.length === 0 ? <p className="text-sm text-slate-500">{t('none')}</p> : null}
        <ul className="space-y-3" data-testid="visits">
          {(visits.data ?? []).map((v) => (
            <VisitView key={v.id} visit={v} timeZone={c.timeZone}>
              {v.status === 'planned' ? (
                <RecordForm c={c} visit={v} />
              ) : v.status === 'visited' ? (
                <EvidenceUpload caseId={c.id} visit={v} />
              ) : null}
            </VisitView>
          ))}
        </ul>
      </div>
    </Card>
  );
};
