'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { VISIT_OUTCOMES, type ActionOutcome } from '@/lib/enums';
import { MIN_VISIT_STAFF } from '@/lib/visits';
import type { TVisit, TWorkCase } from '@/server/api/routers/work/work.schema';
import { uploadFile, UploadError } from '../files/upload';
import { parseAmountToFen } from '@/lib/format';
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
  const [date, setDate] = useState('');
  const [time, setTime] = useState('10:00');
  const [address, setAddress] = useState(c.address ?? '');
  const [purpose, setPurpose] = useState('');
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const plan = useMutation(trpc.work.planVisit.mutationOptions({ onSuccess: refresh }));
  const error = errorInfo(plan.error);
  const toggle = (id: string) => setStaffIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));
  return (
    <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200" data-testid="visit-plan">
      <h4 className="text-sm font-medium text-slate-800">{t('plan')}</h4>
      <div className="grid gap-3 md:grid-cols-4">
        <Field id="visit-date" label={t('date')} error={error?.fieldErrors.date}>
          <Input id="visit-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Field id="visit-time" label={t('time', { timeZone: c.timeZone })} error={error?.fieldErrors.time}>
          <Input id="visit-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        </Field>
        <div className="md:col-span-2">
          <Field id="visit-address" label={t('address')} error={error?.fieldErrors.address}>
            <Input id="visit-address" value={address} onChange={(e) => setAddress(e.target.value)} />
          </Field>
        </div>
      </div>
      <Field id="visit-purpose" label={t('purpose')} error={error?.fieldErrors.purpose}>
        <Input
          id="visit-purpose"
          placeholder={t('purposePlaceholder')}
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
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
        {error?.fieldErrors.staffIds?.map((m) => (
          <p key={m} className="mt-1 text-xs text-red-600" data-testid="visit-staffIds-error">
            {m}
          </p>
        ))}
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
        onClick={() => plan.mutate({ caseId: c.id, date, time, staffIds, address, purpose })}
        disabled={plan.isPending || staffIds.length < MIN_VISIT_STAFF || !date}
        data-testid="visit-plan-submit"
      >
        {t('plan')}
      </Button>
    </div>
  );
};

/** Records a planned visit on site (the server stamps the time), or calls it off for a reason. */
const RecordForm = ({ c, visit }: { c: TWorkCase; visit: TVisit }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const refresh = useRefreshVisits(c.id);
  const [outcome, setOutcome] = useState<ActionOutcome>('answered');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [promiseDate, setPromiseDate] = useState('');
  const [reason, setReason] = useState('');
  const record = useMutation(trpc.work.recordVisit.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.work.cancelVisit.mutationOptions({ onSuccess: refresh }));
  const error = errorInfo(record.error) ?? errorInfo(cancel.error);
  const submit = () =>
    record.mutate({
      visitId: visit.id,
      outcome: outcome as (typeof VISIT_OUTCOMES)[number],
      note,
      ...(outcome === 'promise_to_pay'
        ? { promiseAmount: parseAmountToFen(amount) ?? 0, promiseDate: promiseDate || undefined }
        : {}),
    });
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3" data-testid="visit-record">
      <div className="grid gap-3 md:grid-cols-3">
        <Field id={`visit-outcome-${visit.id}`} label={t('visits.outcome')}>
          <Select
            id={`visit-outcome-${visit.id}`}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as ActionOutcome)}
            data-testid="visit-outcome"
          >
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
              error={error?.fieldErrors.promiseAmount}
            >
              <Input
                id={`visit-amount-${visit.id}`}
                inputMode="decimal"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
              />
            </Field>
            <Field
              id={`visit-pdate-${visit.id}`}
              label={t('work.form.promiseDate')}
              error={error?.fieldErrors.promiseDate}
            >
              <Input
                id={`visit-pdate-${visit.id}`}
                type="date"
                value={promiseDate}
                onChange={(e) => setPromiseDate(e.target.value)}
              />
            </Field>
          </>
        ) : null}
      </div>
      <Field id={`visit-note-${visit.id}`} label={t('visits.note')} hint={t('visits.recordHint')}>
        <textarea
          id={`visit-note-${visit.id}`}
          rows={2}
          className={textarea}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="visit-note"
        />
      </Field>
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Alert testId="visit-record-error">{error.message}</Alert>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <Button onClick={submit} disabled={record.isPending} data-testid="visit-record-submit">
          {t('visits.record')}
        </Button>
        <Input
          aria-label={t('visits.cancelReason')}
          placeholder={t('visits.cancelReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className="max-w-xs"
        />
        <Button
          variant="secondary"
          onClick={() => cancel.mutate({ visitId: visit.id, reason })}
          disabled={cancel.isPending || reason.trim().length < 2}
          data-testid="visit-cancel"
        >
          {t('visits.cancel')}
        </Button>
      </div>
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
