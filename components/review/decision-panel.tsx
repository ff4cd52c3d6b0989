'use client';

import { useTranslations } from 'use-intl';
import {
  ZApproveForm,
  ZDecideForm,
  ZRequestInfoForm,
  type TReviewView,
} from '@/server/api/routers/staff/admission.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import type { ErrorInfo } from '../trpc/errors';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';

type Actions = {
  onDecide: (decision: 'admit' | 'reject', reason: string) => void;
  onRequestInfo: (message: string) => void;
  onApprove: (isApproved: boolean, note: string) => void;
};

/** The computed outcome, the reviewer's decision (four eyes where needed) and information requests. */
export const DecisionPanel = ({
  view,
  selfId,
  isPending,
  error,
  actions,
}: {
  view: TReviewView;
  selfId: string;
  isPending: boolean;
  error: ErrorInfo | null;
  actions: Actions;
}) => {
  const t = useTranslations();
  const review = view.review;
  const computed = review?.computed ?? null;
  const fe = error?.fieldErrors ?? {};
  const isOpen = view.status === 'submitted' || view.status === 'under_review';
  const decideForm = useZodForm(ZDecideForm, {
    defaultValues: { decision: computed?.decision ?? 'admit', reason: '' },
  });
  const infoForm = useZodForm(ZRequestInfoForm, { defaultValues: { message: '' } });
  const approvalForm = useZodForm(ZApproveForm, { defaultValues: { note: '' } });
  const decision = decideForm.watch('decision');
  const reasonError = fieldMessage(decideForm.formState.errors, error, 'reason');
  const messageError = fieldMessage(infoForm.formState.errors, error, 'message');
  const noteError = fieldMessage(approvalForm.formState.errors, error, 'note');

  const outcome = (
    <div className="rounded-md bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-testid="computed-outcome">
      {t('review.total')}: <strong>{review?.total ?? '—'}</strong> / 100
      {computed ? (
        <span className="ml-2">
          {t('review.computed')}:{' '}
          <Badge tone={computed.decision === 'admit' ? 'green' : 'red'}>
            {computed.decision === 'admit' ? t('review.admitTier', { tier: computed.tier ?? '' }) : t('review.reject')}
          </Badge>
        </span>
      ) : (
        <span className="ml-2 text-slate-500">{t('review.scoreAll')}</span>
      )}
    </div>
  );

  if (!isOpen) {
    return (
      <div className="space-y-3" data-testid="decided">
        {outcome}
        <Alert tone={view.status === 'admitted' ? 'success' : 'info'}>
          {t(`applicationStatus.${view.status}`)}
          {view.tier ? ` · ${t('review.tierLabel', { tier: view.tier })}` : ''}
          {view.decisionReason ? ` · ${view.decisionReason}` : ''}
        </Alert>
      </div>
    );
  }

  if (review?.status === 'awaiting_approval') {
    const isProposer = review.reviewerId === selfId;
    return (
      <form
        className="space-y-3"
        noValidate
        data-testid="approval-form"
        onSubmit={approvalForm.handleSubmit(({ note }, e) => {
          const submitter = (e?.nativeEvent as SubmitEvent | undefined)?.submitter as HTMLButtonElement | null;
          actions.onApprove(submitter?.value === 'approve', note);
        })}
      >
        {outcome}
        <Alert tone="info" testId="awaiting-approval">
          {t('review.proposal', {
            decision: review.decision === 'admit' ? t('review.admit') : t('review.reject'),
            reason: review.reason ?? '',
          })}
        </Alert>
        {isProposer ? (
          <p className="text-sm text-slate-500">{t('review.waitForSecond')}</p>
        ) : (
          <>
            <Field id="note" label={t('review.approvalNote')} error={noteError}>
              <Input id="note" {...approvalForm.register('note')} invalid={Boolean(noteError)} />
            </Field>
            {error && !fe.note ? <Alert>{error.message}</Alert> : null}
            <div className="flex justify-end gap-2">
              <Button
                type="submit"
                name="action"
                value="return"
                variant="secondary"
                disabled={isPending}
                data-testid="return-proposal"
              >
                {t('review.returnProposal')}
              </Button>
              <Button type="submit" name="action" value="approve" disabled={isPending} data-testid="approve-proposal">
                {t('review.approve')}
              </Button>
            </div>
          </>
        )}
      </form>
    );
  }

  const isFourEyes =
    computed !== null && (decision !== computed.decision || (decision === 'admit' && computed.tier === 'A'));
  return (
    <div className="space-y-5">
      <form
        className="space-y-3"
        noValidate
        data-testid="decide-form"
        onSubmit={decideForm.handleSubmit((v) => actions.onDecide(v.decision, v.reason))}
      >
        {outcome}
        <div className="flex gap-4 text-sm">
          {(['admit', 'reject'] as const).map((d) => (
            <label key={d} className="flex items-center gap-1.5">
              <input type="radio" {...decideForm.register('decision')} value={d} data-testid={`decision-${d}`} />
              {t(`review.${d}`)}
            </label>
          ))}
        </div>
        <Field id="reason" label={t('fields.reason')} error={reasonError}>
          <Input id="reason" {...decideForm.register('reason')} invalid={Boolean(reasonError)} />
        </Field>
        {isFourEyes ? (
          <Alert tone="info" testId="four-eyes-note">
            {t('review.fourEyesNote')}
          </Alert>
        ) : null}
        {error && !fe.reason && !fe.message ? <Alert testId="decide-error">{error.message}</Alert> : null}
        <div className="flex justify-end">
          <Button
            type="submit"
            variant={decision === 'reject' ? 'danger' : 'primary'}
            disabled={isPending || review?.total == null}
            data-testid="decide"
          >
            {isFourEyes ? t('review.propose') : t('review.decide')}
          </Button>
        </div>
      </form>
      <form
        className="space-y-2 border-t border-slate-100 pt-4"
        noValidate
        data-testid="request-info-form"
        onSubmit={infoForm.handleSubmit((v) => actions.onRequestInfo(v.message))}
      >
        <Field id="message" label={t('review.requestInfo')} error={messageError}>
          <Input
            id="message"
            {...infoForm.register('message')}
            invalid={Boolean(messageError)}
            placeholder={t('review.requestInfoHint')}
          />
        </Field>
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" disabled={isPending} data-testid="request-info">
            {t('review.sendRequest')}
          </Button>
        </div>
      </form>
    </div>
  );
};
