'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { ComplaintOutcome } from '@/lib/enums';
import {
  ZDecideForm,
  ZRespondForm,
  ZStepForm,
  type TStepForm,
} from '@/server/api/routers/complaints/complaints.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { formatBytes, formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Textarea } from '../ui/field';
import { Fact } from '../ui/fact';
import { RevealWithReason } from '../work/reveal-button';
import type { ComplaintPortal } from './complaint-list';
import { ComplaintStatusBadge, OverdueBadges } from './complaint-status';

/**
 * One complaint: what was said, by whom (masked; the agency never learns who filed it, nor
 * how they stand to the debtor), its deadlines, its timeline and evidence; staff take the
 * next step here, and the agency answers when asked.
 */
export const ComplaintDetailScreen = ({
  complaintId,
  portal,
  canHandle,
  canRespond,
  canSanction = false,
}: {
  complaintId: string;
  portal: ComplaintPortal;
  canHandle: boolean;
  canRespond: boolean;
  canSanction?: boolean;
}) => {
  const t = useTranslations('complaints');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const query = useQuery(trpc.complaints.get.queryOptions({ complaintId }));
  const c = query.data;
  const error = errorInfo(query.error);
  if (error) return <Alert testId="complaint-error">{error.message}</Alert>;
  if (!c) return <p className="text-sm text-slate-500">{tc('loading')}</p>;
  return (
    <>
      <PageTitle
        title={
          <span className="flex items-center gap-2">
            <span className="font-mono" data-testid="complaint-title">
              {c.reference}
            </span>
            <ComplaintStatusBadge status={c.status} outcome={c.outcome} />
          </span>
        }
        subtitle={
          c.source ? `${t(`source.${c.source}`)} · ${t(`category.${c.category}`)}` : t(`category.${c.category}`)
        }
        actions={
          <Link href={`/${portal}/complaints`} className="text-sm text-amber-700 underline">
            {t('backToList')}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t('whatHappened')}>
            <dl className="mb-4 grid gap-3 sm:grid-cols-3">
              <Fact label={t('agency')}>{c.agencyName ?? '—'}</Fact>
              {c.creditorName ? <Fact label={t('creditor')}>{c.creditorName}</Fact> : null}
              <Fact label={t('case')}>
                {c.contractNo ? <span className="font-mono text-xs">{c.contractNo}</span> : '—'}
                {c.debtorName ? <span className="ml-1 text-slate-500">{c.debtorName}</span> : null}
              </Fact>
              <Fact label={t('complainant')} testId="complaint-complainant">
                {c.complainantName
                  ? `${c.complainantName}${c.relation ? `（${t(`relation.${c.relation}`)}）` : ''}`
                  : t('complainantHidden')}
              </Fact>
              {c.contactPhone ? (
                <Fact label={t('field.contactPhone')}>
                  <span className="font-mono">{c.contactPhone}</span>{' '}
                  {canHandle ? (
                    <RevealWithReason
                      options={trpc.complaints.revealContact.mutationOptions()}
                      inputFor={(reason) => ({ complaintId: c.id, reason })}
                      testId="reveal-contact"
                    />
                  ) : null}
                </Fact>
              ) : null}
              {c.handlerName ? <Fact label={t('handler')}>{c.handlerName}</Fact> : null}
            </dl>
            <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="complaint-description">
              {c.description}
            </p>
            {c.similarTo ? (
              <div className="mt-3">
                <Alert tone="info" testId="complaint-similar">
                  {t('similarTo', { percent: Math.floor((c.similarityBp ?? 0) / 100) })}{' '}
                  <Link className="font-mono underline" href={`/staff/complaints/${c.similarTo.id}`}>
                    {c.similarTo.reference}
                  </Link>
                </Alert>
              </div>
            ) : null}
            {c.canRecord && c.caseId ? (
              <p className="mt-3 text-sm">
                <Link
                  className="text-amber-700 underline"
                  href={`/staff/cases/${c.caseId}`}
                  data-testid="complaint-case-record"
                >
                  {t('openCaseRecord')}
                </Link>
              </p>
            ) : null}
          </Card>
          {c.evidence.length > 0 ? (
            <Card title={t('field.evidence')}>
              <ul className="space-y-1 text-sm" data-testid="complaint-evidence">
                {c.evidence.map((e) => (
                  <li key={e.id}>
                    <a
                      className="text-amber-700 underline"
                      href={`/api/complaint-evidence/${e.id}?name=${encodeURIComponent(e.fileName)}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {e.fileName}
                    </a>{' '}
                    <span className="text-xs text-slate-500">
                      {e.mime} · {formatBytes(e.size)} · SHA-256 {e.sha256.slice(0, 12)}…
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {c.agencyResponse ? (
            <Card title={t('agencyResponse')}>
              <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="complaint-agency-response">
                {c.agencyResponse}
              </p>
              <p className="mt-2 text-xs text-slate-500">{formatDateTime(c.respondedAt)}</p>
            </Card>
          ) : null}
          {c.finding ? (
            <Card title={t('finding')}>
              <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="complaint-finding">
                {c.finding}
              </p>
            </Card>
          ) : null}
          <Card title={t('timeline')}>
            <ol className="space-y-2 border-l-2 border-amber-200 pl-4 text-sm" data-testid="complaint-timeline">
              {c.events.map((e) => (
                <li key={e.id}>
                  <span className="font-mono text-xs text-slate-500">{formatDateTime(e.at)}</span>{' '}
                  <span className="font-medium">{t(`event.${e.kind}`)}</span>
                  {e.actorName ? <span className="text-slate-500"> · {e.actorName}</span> : null}
                  {e.note ? <p className="whitespace-pre-wrap text-slate-700">{e.note}</p> : null}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-4">
          <Card title={t('deadlines')}>
            <dl className="space-y-2">
              <Fact label={t('receivedAt')}>{formatDateTime(c.receivedAt)}</Fact>
              <Fact label={t('ackDue')}>
                {c.acknowledgedAt ? t('doneAt', { at: formatDateTime(c.acknowledgedAt) }) : formatDateTime(c.ackDueAt)}
              </Fact>
              {c.responseDueAt ? (
                <Fact label={t('responseDue')}>
                  {c.respondedAt ? t('doneAt', { at: formatDateTime(c.respondedAt) }) : formatDateTime(c.responseDueAt)}
                </Fact>
              ) : null}
              <Fact label={t('resolutionDue')} testId="complaint-resolution-due">
                {c.decidedAt ? t('doneAt', { at: formatDateTime(c.decidedAt) }) : formatDateTime(c.resolutionDueAt)}
                {c.extensionReason ? (
                  <span className="ml-1">
                    <Badge tone="amber">{t('extended')}</Badge>
                  </span>
                ) : null}
              </Fact>
            </dl>
            <div className="mt-3">
              <OverdueBadges overdue={c.overdue} />
            </div>
          </Card>
          {canHandle ? <StaffSteps c={c} /> : null}
          {canSanction && c.agencyId && c.outcome === 'upheld' ? (
            <Card title={t('sanctionTitle')}>
              <p className="mb-3 text-sm text-slate-600">{t('sanctionIntro')}</p>
              <Link
                className="text-sm font-medium text-amber-700 underline"
                href={`/staff/sanctions/new?complaintId=${c.id}`}
                data-testid="complaint-propose-sanction"
              >
                {t('proposeSanction')}
              </Link>
            </Card>
          ) : null}
          {canRespond && c.status === 'awaiting_response' ? <AgencyResponse complaintId={c.id} /> : null}
        </div>
      </div>
    </>
  );
};

type Detail = { id: string; status: string; extensionReason: string | null; agencyId: string | null };

/** The handler's next step: each button is one transition, refused by the server if it no longer fits. */
const StaffSteps = ({ c }: { c: Detail }) => {
  const t = useTranslations('complaints');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const noteForm = useZodForm(ZStepForm, { defaultValues: { step: 'acknowledge', note: '' } });
  const decideForm = useZodForm(ZDecideForm, { defaultValues: { outcome: 'upheld', finding: '' } });
  const done = {
    onSuccess: () =>
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.complaints.get.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.complaints.list.pathKey() }),
      ]).then(() => noteForm.reset({ step: 'acknowledge', note: '' })),
  };
  const acknowledge = useMutation(trpc.complaints.acknowledge.mutationOptions(done));
  const investigate = useMutation(trpc.complaints.investigate.mutationOptions(done));
  const requestResponse = useMutation(trpc.complaints.requestResponse.mutationOptions(done));
  const extend = useMutation(trpc.complaints.extend.mutationOptions(done));
  const decide = useMutation(trpc.complaints.decide.mutationOptions(done));
  const close = useMutation(trpc.complaints.close.mutationOptions(done));
  const all = [acknowledge, investigate, requestResponse, extend, decide, close];
  const failed = all.map((m) => errorInfo(m.error)).find(Boolean);
  const isBusy = all.some((m) => m.isPending);
  const s = c.status;
  const isOpen = ['received', 'acknowledged', 'investigating', 'awaiting_response'].includes(s);
  const isDecidable = ['acknowledged', 'investigating', 'awaiting_response'].includes(s);
  const id = { complaintId: c.id };
  const decideAs = (outcome: ComplaintOutcome) => {
    decideForm.setValue('outcome', outcome);
    void decideForm.handleSubmit((v) => decide.mutate({ ...id, ...v }))();
  };
  /** Checks the note for this step, then takes it. */
  const take = (step: TStepForm['step']) => {
    noteForm.setValue('step', step);
    void noteForm.handleSubmit(({ note }) => {
      if (step === 'acknowledge') acknowledge.mutate({ ...id, note });
      else if (step === 'investigate') investigate.mutate({ ...id, note });
      else if (step === 'requestResponse') requestResponse.mutate({ ...id, note });
      else if (step === 'extend') extend.mutate({ ...id, reason: note });
      else close.mutate({ ...id, note });
    })();
  };
  const noteError =
    fieldMessage(noteForm.formState.errors, null, 'note') ??
    failed?.fieldErrors.note?.[0] ??
    failed?.fieldErrors.reason?.[0];
  const findingError = fieldMessage(decideForm.formState.errors, errorInfo(decide.error), 'finding');
  if (s === 'closed') return null;
  return (
    <Card title={t('nextStep')}>
      <div className="space-y-3" data-testid="complaint-steps">
        <Field id="step-note" label={t('stepNote')} hint={t('stepNoteHint')} error={noteError}>
          <Textarea id="step-note" rows={3} {...noteForm.register('note')} invalid={Boolean(noteError)} />
        </Field>
        <div className="flex flex-wrap gap-2">
          {s === 'received' ? (
            <Button disabled={isBusy} onClick={() => take('acknowledge')} data-testid="step-acknowledge">
              {t('step.acknowledge')}
            </Button>
          ) : null}
          {s === 'acknowledged' || s === 'awaiting_response' ? (
            <Button
              variant="secondary"
              disabled={isBusy}
              onClick={() => take('investigate')}
              data-testid="step-investigate"
            >
              {t('step.investigate')}
            </Button>
          ) : null}
          {(s === 'acknowledged' || s === 'investigating') && c.agencyId ? (
            <Button
              variant="secondary"
              disabled={isBusy}
              onClick={() => take('requestResponse')}
              data-testid="step-request-response"
            >
              {t('step.requestResponse')}
            </Button>
          ) : null}
          {isOpen && !c.extensionReason ? (
            <Button variant="ghost" disabled={isBusy} onClick={() => take('extend')} data-testid="step-extend">
              {t('step.extend')}
            </Button>
          ) : null}
          {s === 'upheld' || s === 'dismissed' ? (
            <Button disabled={isBusy} onClick={() => take('close')} data-testid="step-close">
              {t('step.close')}
            </Button>
          ) : null}
        </div>
        {isDecidable ? (
          <div className="space-y-2 border-t border-slate-100 pt-3">
            <Field id="step-finding" label={t('field.finding')} hint={t('findingHint')} error={findingError}>
              <Textarea
                id="step-finding"
                rows={4}
                {...decideForm.register('finding')}
                invalid={Boolean(findingError)}
              />
            </Field>
            <div className="flex gap-2">
              <Button variant="danger" disabled={isBusy} onClick={() => decideAs('upheld')} data-testid="step-uphold">
                {t('step.uphold')}
              </Button>
              <Button
                variant="secondary"
                disabled={isBusy}
                onClick={() => decideAs('dismissed')}
                data-testid="step-dismiss"
              >
                {t('step.dismiss')}
              </Button>
            </div>
          </div>
        ) : null}
        {failed ? <Alert testId="step-error">{failed.message}</Alert> : null}
      </div>
    </Card>
  );
};

/** The agency's answer to the platform, due within 10 days of the request. */
const AgencyResponse = ({ complaintId }: { complaintId: string }) => {
  const t = useTranslations('complaints');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const respondForm = useZodForm(ZRespondForm, { defaultValues: { response: '' } });
  const respond = useMutation(
    trpc.complaints.respond.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.complaints.get.pathKey() }),
    }),
  );
  const error = errorInfo(respond.error);
  const responseError = fieldMessage(respondForm.formState.errors, error, 'response');
  return (
    <Card title={t('respondTitle')}>
      <div className="space-y-3" data-testid="complaint-respond">
        <p className="text-sm text-slate-600">{t('respondIntro')}</p>
        <Field id="respond-text" label={t('agencyResponse')} error={responseError}>
          <Textarea id="respond-text" rows={5} {...respondForm.register('response')} invalid={Boolean(responseError)} />
        </Field>
        {error && !error.fieldErrors.response ? <Alert>{error.message}</Alert> : null}
        <Button
          disabled={respond.isPending}
          onClick={() => void respondForm.handleSubmit((v) => respond.mutate({ complaintId, ...v }))()}
          data-testid="respond-submit"
        >
          {t('respondSubmit')}
        </Button>
      </div>
    </Card>
  );
};
