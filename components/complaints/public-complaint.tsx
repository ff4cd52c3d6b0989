'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { COMPLAINANT_RELATIONS, type ComplaintCategory } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select, Textarea } from '../ui/field';
import {
  ZFollowInput,
  ZPublicComplaintInput,
  ZVerifiedComplaintForm,
  type TDebtorComplaintCase,
  type TPublicComplaintInput,
} from '@/server/api/routers/complaints/complaints.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { EvidencePicker } from './evidence-picker';
import { useProof } from './use-proof';
import { CategorySelect, ComplaintStatusBadge } from './complaint-status';

/** What a complaint says, without the details that find the case. */
const bodyOf = ({
  relation,
  complainantName,
  contactPhone,
  category,
  description,
  evidence,
}: TPublicComplaintInput) => ({
  relation,
  complainantName,
  contactPhone,
  category,
  description,
  evidence,
});

/** The loan a debtor's session names (masked), in place of the details; "another loan" goes back to them. */
const VerifiedLoan = ({ loan, onOther }: { loan: TDebtorComplaintCase; onOther: () => void }) => {
  const t = useTranslations('complaints.verified');
  const line = (label: string, value: string, testId?: string) => (
    <div className="flex items-baseline justify-between gap-3 py-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-right font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
  return (
    <section className="rounded-md bg-sky-50 p-3 text-sm ring-1 ring-sky-200" data-testid="complaint-verified-loan">
      <h3 className="font-semibold text-slate-900">{t('title')}</h3>
      <p className="mb-2 text-xs text-sky-900">{t('note')}</p>
      <dl>
        {line(t('contract'), loan.contractNo, 'complaint-verified-contract')}
        {line(t('borrower'), loan.debtorName)}
        {line(t('creditor'), loan.creditorName)}
        {line(t('agency'), loan.agencyName ?? t('noAgency'))}
      </dl>
      <button type="button" className="mt-2 text-xs text-amber-700 underline" onClick={onOther}>
        {t('other')}
      </button>
    </section>
  );
};

/**
 * The public complaint form: no account. The case is verified by the contract number, the
 * borrower's name and the last 4 ID digits; a mismatch says only that the details could
 * not be verified. Coming from the debtor's page with a session, the case is the session's
 * (shown masked) and the details are skipped. The answer is the reference the complainant
 * follows the case by.
 */
export const PublicComplaintForm = ({ verified: fromSession = null }: { verified?: TDebtorComplaintCase | null }) => {
  const t = useTranslations('complaints');
  const [verified, setVerified] = useState(fromSession);
  const { proving, withProof, client } = useProof();
  const file = useMutation({
    mutationFn: (input: TPublicComplaintInput) =>
      verified
        ? client.debtor.complain.mutate(bodyOf(input))
        : withProof(input, (i) => client.complaints.filePublic.mutate(i)),
  });
  // With a session the details are the session's: not asked, not checked, not sent.
  const {
    register,
    handleSubmit,
    setValue,
    watch,
    formState: { errors },
  } = useZodForm((verified ? ZVerifiedComplaintForm : ZPublicComplaintInput) as typeof ZPublicComplaintInput, {
    defaultValues: {
      contractNo: '',
      debtorName: '',
      idLast4: '',
      relation: 'self',
      complainantName: '',
      contactPhone: null,
      description: '',
      evidence: [],
    },
  });
  const error = errorInfo(file.error);
  const fe = error?.fieldErrors ?? {};
  const message = (name: string) => fieldMessage(errors, error, name);
  const relation = watch('relation');
  const category = watch('category') ?? '';
  if (file.data) {
    const r = file.data;
    return (
      <Card>
        <div className="space-y-3" data-testid="complaint-receipt">
          <Alert tone="success">{t('received')}</Alert>
          <p className="text-sm text-slate-700">{t('referenceIs')}</p>
          <p className="font-mono text-2xl font-semibold text-slate-900" data-testid="complaint-reference">
            {r.reference}
          </p>
          <p className="text-sm text-slate-600">
            {t('receiptDeadlines', { ack: formatDateTime(r.ackDueAt), resolution: formatDateTime(r.resolutionDueAt) })}
          </p>
          <p className="text-sm text-slate-600">{t('keepReference')}</p>
          <Link href="/complaints/status" className="text-sm text-amber-700 underline" data-testid="follow-link">
            {t('followLink')}
          </Link>
        </div>
      </Card>
    );
  }
  const submit = (v: z.output<typeof ZPublicComplaintInput>) =>
    file.mutate({ ...v, complainantName: v.relation === 'self' ? '' : v.complainantName });
  return (
    <Card>
      <form className="space-y-4" onSubmit={handleSubmit(submit)} noValidate data-testid="public-complaint-form">
        {verified ? (
          <VerifiedLoan loan={verified} onOther={() => setVerified(null)} />
        ) : (
          <fieldset className="grid gap-4 sm:grid-cols-3">
            <legend className="mb-2 text-sm font-semibold text-slate-900">{t('whichLoan')}</legend>
            <Field
              id="c-contract"
              label={t('field.contractNo')}
              error={message('contractNo')}
              hint={t('hint.contractNo')}
            >
              <Input id="c-contract" {...register('contractNo')} invalid={!!message('contractNo')} autoComplete="off" />
            </Field>
            <Field id="c-debtor" label={t('field.debtorName')} error={message('debtorName')}>
              <Input id="c-debtor" {...register('debtorName')} invalid={!!message('debtorName')} autoComplete="off" />
            </Field>
            <Field id="c-last4" label={t('field.idLast4')} error={message('idLast4')}>
              <Input
                id="c-last4"
                {...register('idLast4')}
                invalid={!!message('idLast4')}
                maxLength={4}
                inputMode="text"
                autoComplete="off"
              />
            </Field>
          </fieldset>
        )}
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t('whoComplains')}</legend>
          <Field id="c-relation" label={t('field.relation')}>
            <Select id="c-relation" {...register('relation')}>
              {COMPLAINANT_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relation.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          {relation === 'self' ? null : (
            <Field id="c-name" label={t('field.complainantName')} error={message('complainantName')}>
              <Input id="c-name" {...register('complainantName')} invalid={!!message('complainantName')} />
            </Field>
          )}
          <Field
            id="c-phone"
            label={t('field.contactPhone')}
            error={message('contactPhone')}
            hint={t('hint.contactPhone')}
          >
            <Input
              id="c-phone"
              {...register('contactPhone', { setValueAs: (v: string | null) => (v?.trim() ? v : null) })}
              invalid={!!message('contactPhone')}
              inputMode="tel"
            />
          </Field>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t('whatHappened')}</legend>
          <Field id="c-category" label={t('field.category')} error={message('category')}>
            <CategorySelect
              id="c-category"
              value={category}
              onChange={(c) =>
                setValue('category', c as ComplaintCategory, { shouldValidate: Boolean(errors.category) })
              }
              invalid={!!message('category')}
            />
          </Field>
          <Field
            id="c-description"
            label={t('field.description')}
            error={message('description')}
            hint={t('hint.description')}
          >
            <Textarea id="c-description" rows={6} {...register('description')} invalid={!!message('description')} />
          </Field>
          <Field id="c-evidence" label={t('field.evidence')} error={message('evidence')}>
            <EvidencePicker onChange={(evidence) => setValue('evidence', evidence)} />
          </Field>
        </fieldset>
        {error && Object.keys(fe).length === 0 ? <Alert testId="complaint-error">{error.message}</Alert> : null}
        {(error && Object.keys(fe).length > 0) || Object.keys(errors).length > 0 ? (
          <Alert testId="complaint-error">{t('fixFields')}</Alert>
        ) : null}
        <p className="text-xs text-slate-500">{t('privacyNote')}</p>
        <Button type="submit" disabled={file.isPending} className="w-full sm:w-auto" data-testid="complaint-submit">
          {proving ? t('proving') : file.isPending ? t('sending') : t('submit')}
        </Button>
      </form>
    </Card>
  );
};

/** The complainant follows a complaint by its reference and the last 4 ID digits. */
export const FollowComplaint = () => {
  const t = useTranslations('complaints');
  const trpc = useTRPC();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZFollowInput, { defaultValues: { reference: '', idLast4: '' } });
  // The look-up last asked for: the query follows it.
  const [asked, setAsked] = useState<{ reference: string; idLast4: string } | null>(null);
  const { proving, withProof, client } = useProof();
  const input = asked ?? { reference: '', idLast4: '' };
  // Every look-up asks the server afresh (nothing kept once another is asked): the answer may change, and a check may be needed.
  const status = useQuery({
    queryKey: trpc.complaints.follow.queryKey(input),
    queryFn: () => withProof(input, (i) => client.complaints.follow.query(i)),
    enabled: asked !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  });
  const error = errorInfo(status.error);
  const fe = error?.fieldErrors ?? {};
  const message = (name: 'reference' | 'idLast4') => fieldMessage(errors, error, name);
  const s = status.data;
  return (
    <div className="space-y-4">
      <Card>
        <form
          className="grid gap-4 sm:flex sm:flex-wrap sm:items-end"
          onSubmit={handleSubmit(({ reference, idLast4 }) => setAsked({ reference, idLast4 }))}
          noValidate
          data-testid="follow-form"
        >
          <Field id="f-reference" label={t('field.reference')} error={message('reference')}>
            <Input
              id="f-reference"
              {...register('reference')}
              invalid={!!message('reference')}
              placeholder="C-2026-000123"
              className="font-mono sm:w-48"
            />
          </Field>
          <Field id="f-last4" label={t('field.idLast4')} error={message('idLast4')}>
            <Input
              id="f-last4"
              {...register('idLast4')}
              invalid={!!message('idLast4')}
              maxLength={4}
              className="sm:w-28"
            />
          </Field>
          <Button type="submit" disabled={status.isFetching} data-testid="follow-submit">
            {proving ? t('proving') : t('followSubmit')}
          </Button>
        </form>
        {error && Object.keys(fe).length === 0 ? (
          <div className="mt-3">
            <Alert testId="follow-error">{error.message}</Alert>
          </div>
        ) : null}
      </Card>
      {s ? (
        <Card
          title={<span className="font-mono">{s.reference}</span>}
          actions={<ComplaintStatusBadge status={s.status} outcome={s.outcome} />}
        >
          <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="follow-status">
            <div>
              <dt className="text-slate-500">{t('field.category')}</dt>
              <dd>{t(`category.${s.category}`)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('receivedAt')}</dt>
              <dd className="font-mono text-xs">{formatDateTime(s.receivedAt)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{s.decidedAt ? t('decidedAt') : t('resolutionDue')}</dt>
              <dd className="font-mono text-xs">{formatDateTime(s.decidedAt ?? s.resolutionDueAt)}</dd>
            </div>
          </dl>
          {s.finding ? (
            <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm" data-testid="follow-finding">
              <p className="font-medium text-slate-900">{t('finding')}</p>
              <p className="mt-1 whitespace-pre-wrap text-slate-700">{s.finding}</p>
            </div>
          ) : null}
          <ol className="mt-4 space-y-1 border-l-2 border-amber-200 pl-4 text-sm" data-testid="follow-steps">
            {s.steps.map((step) => (
              <li key={`${step.kind}-${step.at.toISOString()}`}>
                <span className="font-mono text-xs text-slate-500">{formatDateTime(step.at)}</span>{' '}
                {t(`event.${step.kind}`)}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </div>
  );
};
