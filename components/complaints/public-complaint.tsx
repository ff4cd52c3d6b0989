'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { COMPLAINANT_RELATIONS, type ComplainantRelation, type ComplaintCategory } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select, Textarea } from '../ui/field';
import type { TPublicComplaintInput } from '@/server/api/routers/complaints/complaints.schema';
import { EvidencePicker, type Evidence } from './evidence-picker';
import { useProof } from './use-proof';
import { CategorySelect, ComplaintStatusBadge } from './complaint-status';

const EMPTY = {
  contractNo: '',
  debtorName: '',
  idLast4: '',
  relation: 'self' as ComplainantRelation,
  complainantName: '',
  contactPhone: '',
  category: '' as ComplaintCategory | '',
  description: '',
};

/**
 * The public complaint form: no account. The case is verified by the contract number, the
 * borrower's name and the last 4 ID digits; a mismatch says only that the details could
 * not be verified. The answer is the reference the complainant follows the case by.
 */
export const PublicComplaintForm = () => {
  const t = useTranslations('complaints');
  const [f, setF] = useState(EMPTY);
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const { proving, withProof, client } = useProof();
  const file = useMutation({
    mutationFn: (input: TPublicComplaintInput) => withProof(input, (i) => client.complaints.filePublic.mutate(i)),
  });
  const error = errorInfo(file.error);
  const fe = error?.fieldErrors ?? {};
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
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
  const submit = () =>
    file.mutate({
      contractNo: f.contractNo,
      debtorName: f.debtorName,
      idLast4: f.idLast4,
      relation: f.relation,
      complainantName: f.relation === 'self' ? '' : f.complainantName,
      contactPhone: f.contactPhone.trim() ? f.contactPhone : null,
      category: f.category as ComplaintCategory,
      description: f.description,
      evidence,
    });
  return (
    <Card>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        data-testid="public-complaint-form"
      >
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t('whichLoan')}</legend>
          <Field id="c-contract" label={t('field.contractNo')} error={fe.contractNo} hint={t('hint.contractNo')}>
            <Input
              id="c-contract"
              value={f.contractNo}
              onChange={set('contractNo')}
              invalid={!!fe.contractNo}
              autoComplete="off"
            />
          </Field>
          <Field id="c-debtor" label={t('field.debtorName')} error={fe.debtorName}>
            <Input
              id="c-debtor"
              value={f.debtorName}
              onChange={set('debtorName')}
              invalid={!!fe.debtorName}
              autoComplete="off"
            />
          </Field>
          <Field id="c-last4" label={t('field.idLast4')} error={fe.idLast4}>
            <Input
              id="c-last4"
              value={f.idLast4}
              onChange={set('idLast4')}
              invalid={!!fe.idLast4}
              maxLength={4}
              inputMode="text"
              autoComplete="off"
            />
          </Field>
        </fieldset>
        <fieldset className="grid gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t('whoComplains')}</legend>
          <Field id="c-relation" label={t('field.relation')}>
            <Select id="c-relation" value={f.relation} onChange={set('relation')}>
              {COMPLAINANT_RELATIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`relation.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          {f.relation === 'self' ? null : (
            <Field id="c-name" label={t('field.complainantName')} error={fe.complainantName}>
              <Input
                id="c-name"
                value={f.complainantName}
                onChange={set('complainantName')}
                invalid={!!fe.complainantName}
              />
            </Field>
          )}
          <Field id="c-phone" label={t('field.contactPhone')} error={fe.contactPhone} hint={t('hint.contactPhone')}>
            <Input
              id="c-phone"
              value={f.contactPhone}
              onChange={set('contactPhone')}
              invalid={!!fe.contactPhone}
              inputMode="tel"
            />
          </Field>
        </fieldset>
        <fieldset className="space-y-4">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t('whatHappened')}</legend>
          <Field id="c-category" label={t('field.category')} error={fe.category}>
            <CategorySelect
              id="c-category"
              value={f.category}
              onChange={(category) => setF({ ...f, category })}
              invalid={!!fe.category}
            />
          </Field>
          <Field id="c-description" label={t('field.description')} error={fe.description} hint={t('hint.description')}>
            <Textarea
              id="c-description"
              rows={6}
              value={f.description}
              onChange={set('description')}
              invalid={!!fe.description}
            />
          </Field>
          <Field id="c-evidence" label={t('field.evidence')} error={fe.evidence}>
            <EvidencePicker onChange={setEvidence} />
          </Field>
        </fieldset>
        {error && Object.keys(fe).length === 0 ? <Alert testId="complaint-error">{error.message}</Alert> : null}
        {error && Object.keys(fe).length > 0 ? <Alert testId="complaint-error">{t('fixFields')}</Alert> : null}
        <p className="text-xs text-slate-500">{t('privacyNote')}</p>
        <Button type="submit" disabled={file.isPending} data-testid="complaint-submit">
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
  const [typed, setTyped] = useState({ reference: '', idLast4: '' });
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
  const s = status.data;
  return (
    <div className="space-y-4">
      <Card>
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setAsked({ ...typed });
          }}
          data-testid="follow-form"
        >
          <Field id="f-reference" label={t('field.reference')} error={fe.reference}>
            <Input
              id="f-reference"
              value={typed.reference}
              onChange={(e) => setTyped({ ...typed, reference: e.target.value })}
              placeholder="C-2026-000123"
              className="w-48 font-mono"
            />
          </Field>
          <Field id="f-last4" label={t('field.idLast4')} error={fe.idLast4}>
            <Input
              id="f-last4"
              value={typed.idLast4}
              onChange={(e) => setTyped({ ...typed, idLast4: e.target.value })}
              maxLength={4}
              className="w-28"
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
