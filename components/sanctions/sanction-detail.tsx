'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { AppealOutcome } from '@/lib/enums';
import {
  ZAppealForm,
  ZBanDecisionForm,
  ZDecideAppealForm,
  ZLiftForm,
  type TSanctionDetail,
} from '@/server/api/routers/sanctions/sanctions.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { Field, Textarea } from '../ui/field';
import { Fact } from '../ui/fact';
import { SanctionBadges, type SanctionPortal } from './sanction-list';

const EFFECT_KEYS = [
  'usersSignedOut',
  'bidsWithdrawn',
  'offersWithdrawn',
  'commissionsEnded',
  'casesRecalled',
  'creditorsNotified',
] as const;

type Can = { canManage: boolean; canDecideAppeal: boolean; canAppeal: boolean };

/**
 * One sanction: what it is, what it cites, who proposed and decided it (staff), what a ban
 * did, and its one appeal. Staff approve or reject another's ban, lift a suspension, record
 * a written appeal; a platform admin decides the appeal; the agency's admin appeals here.
 */
export const SanctionDetailScreen = ({
  sanctionId,
  portal,
  ...can
}: { sanctionId: string; portal: SanctionPortal } & Can) => {
  const t = useTranslations('sanctions');
  const tc = useTranslations('common');
  const tr = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.sanctions.get.queryOptions({ sanctionId }));
  const s = query.data;
  const error = errorInfo(query.error);
  if (error) return <Alert testId="sanction-error">{error.message}</Alert>;
  if (!s) return <p className="text-sm text-slate-500">{tc('loading')}</p>;
  const complaintHref = s.complaintId && portal !== 'creditor' ? `/${portal}/complaints/${s.complaintId}` : null;
  return (
    <>
      <PageTitle
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="sanction-title">{s.agencyName}</span>
            <SanctionBadges s={s} />
          </span>
        }
        subtitle={t('proposedAt', { at: formatDateTime(s.createdAt) })}
        actions={
          <Link href={`/${portal}/sanctions`} className="text-sm text-amber-700 underline">
            {t('backToList')}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t('what')}>
            <dl className="mb-4 grid gap-3 sm:grid-cols-3">
              <Fact label={t('agency')}>
                {s.agencyName}
                <span className="block font-mono text-xs text-slate-500">{s.agencyCreditCode}</span>
              </Fact>
              <Fact label={t('agencyStatus')} testId="sanction-agency-status">
                {tr(`orgStatus.${s.agencyStatus}`)}
              </Fact>
              {s.kind === 'suspension' ? (
                <Fact label={t('suspendedUntil')}>
                  {s.endsOn ? t('untilDay', { day: s.endsOn }) : t('untilLifted')}
                </Fact>
              ) : null}
              {portal === 'creditor' ? null : (
                <Fact label={t('citation')} testId="sanction-citation">
                  {complaintHref ? (
                    <Link className="font-mono text-amber-700 underline" href={complaintHref}>
                      {s.complaintReference}
                    </Link>
                  ) : s.inspectionRecordId ? (
                    <Link
                      className="text-amber-700 underline"
                      href={`/${portal}/inspections/${s.inspectionRecordId}`}
                      data-testid="sanction-cites-inspection"
                    >
                      {t('citesInspection')}
                    </Link>
                  ) : (
                    t('auditFinding')
                  )}
                </Fact>
              )}
              {s.proposedByName ? (
                <Fact label={t('proposedBy')}>{`${s.proposedByName} · ${formatDateTime(s.createdAt)}`}</Fact>
              ) : null}
              {s.decidedByName ? (
                <Fact
                  label={t(s.status === 'rejected' ? 'rejectedBy' : 'approvedBy')}
                >{`${s.decidedByName} · ${formatDateTime(s.decidedAt)}`}</Fact>
              ) : null}
              {s.effectiveAt ? <Fact label={t('effectiveAt')}>{formatDateTime(s.effectiveAt)}</Fact> : null}
              {s.liftedAt ? (
                <Fact
                  label={t('liftedAt')}
                >{`${formatDateTime(s.liftedAt)}${s.liftedByName ? ` · ${s.liftedByName}` : ''}`}</Fact>
              ) : null}
            </dl>
            <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="sanction-reason">
              {s.reason}
            </p>
            {s.decisionNote ? (
              <p className="mt-2 whitespace-pre-wrap text-sm text-slate-600">
                {t('decisionNote', { note: s.decisionNote })}
              </p>
            ) : null}
          </Card>
          {s.effects ? (
            <Card title={t('effectsTitle')}>
              <dl className="grid gap-3 sm:grid-cols-3" data-testid="sanction-effects">
                {EFFECT_KEYS.map((k) => (
                  <Fact key={k} label={t(`effects.${k}`)} testId={`effect-${k}`}>
                    <span className="text-lg font-semibold">{s.effects?.[k] ?? 0}</span>
                  </Fact>
                ))}
              </dl>
            </Card>
          ) : null}
          {s.appealedAt ? (
            <Card title={t('appealTitle')}>
              <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="sanction-appeal-text">
                {s.appealText}
              </p>
              <p className="mt-2 text-xs text-slate-500">{`${formatDateTime(s.appealedAt)}${s.appealedByName ? ` · ${s.isAppealRecorded ? t('recordedBy', { name: s.appealedByName }) : t('appealedBy', { name: s.appealedByName })}` : ''}`}</p>
              {s.appealOutcome ? (
                <div className="mt-3 border-t border-slate-100 pt-3 text-sm" data-testid="sanction-appeal-outcome">
                  <p className="font-medium">{t(`appealOutcome.${s.appealOutcome}`)}</p>
                  {s.appealNote ? <p className="whitespace-pre-wrap text-slate-700">{s.appealNote}</p> : null}
                  <p className="mt-1 text-xs text-slate-500">{`${formatDateTime(s.appealDecidedAt)}${s.appealDecidedByName ? ` · ${s.appealDecidedByName}` : ''}`}</p>
                </div>
              ) : (
                <p className="mt-2 text-sm text-amber-700">{t('appealPending')}</p>
              )}
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <SanctionSteps s={s} {...can} />
        </div>
      </div>
    </>
  );
};

/** The steps open to the caller on this sanction, each refused by the server if it no longer fits. */
const SanctionSteps = ({ s, canManage, canDecideAppeal, canAppeal }: { s: TSanctionDetail } & Can) => {
  const t = useTranslations('sanctions');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One form per step: the ban decision, the lift, the appeal and its decision each have their own.
  const banForm = useZodForm(ZBanDecisionForm, { defaultValues: { action: 'approve', note: '' } });
  const liftForm = useZodForm(ZLiftForm, { defaultValues: { note: '' } });
  const appealForm = useZodForm(ZAppealForm, { defaultValues: { text: '' } });
  const appealDecisionForm = useZodForm(ZDecideAppealForm, { defaultValues: { outcome: 'granted', note: '' } });
  const [isConfirming, setConfirming] = useState(false);
  const done = {
    onSuccess: () =>
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.sanctions.get.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.sanctions.list.pathKey() }),
      ]),
  };
  const approve = useMutation(trpc.sanctions.approve.mutationOptions(done));
  const reject = useMutation(trpc.sanctions.reject.mutationOptions(done));
  const lift = useMutation(trpc.sanctions.lift.mutationOptions(done));
  const recordAppeal = useMutation(trpc.sanctions.recordAppeal.mutationOptions(done));
  const appeal = useMutation(trpc.sanctions.appeal.mutationOptions(done));
  const decideAppeal = useMutation(trpc.sanctions.decideAppeal.mutationOptions(done));
  const all = [approve, reject, lift, recordAppeal, appeal, decideAppeal];
  const failed = all.map((m) => errorInfo(m.error)).find(Boolean);
  const isBusy = all.some((m) => m.isPending);
  const id = { sanctionId: s.id };
  const isProposed = s.status === 'proposed';
  const isActive = s.status === 'active';
  const canDecideBan = canManage && isProposed && !s.isProposedByMe;
  const canLift = canManage && isActive && s.kind === 'suspension';
  const mayAppeal = isActive && !s.appealedAt && (canAppeal || canManage);
  const mayDecideAppeal =
    canDecideAppeal && Boolean(s.appealedAt) && !s.appealOutcome && (isActive || s.status === 'lifted');
  const decideBan = (action: 'approve' | 'reject') => {
    banForm.setValue('action', action);
    void banForm.handleSubmit((v) =>
      v.action === 'approve' ? setConfirming(true) : reject.mutate({ ...id, note: v.note }),
    )();
  };
  const decide = (outcome: AppealOutcome) => {
    appealDecisionForm.setValue('outcome', outcome);
    void appealDecisionForm.handleSubmit((v) => decideAppeal.mutate({ ...id, ...v }))();
  };
  const noteField = (
    step: 'ban' | 'lift' | 'appeal',
    field: ReturnType<typeof liftForm.register>,
    message: string | undefined,
  ) => (
    <Field id={`note-${step}`} label={t(`noteLabel.${step}`)} error={message}>
      <Textarea id={`note-${step}`} rows={3} {...field} invalid={Boolean(message)} />
    </Field>
  );
  const appealTextError = fieldMessage(
    appealForm.formState.errors,
    errorInfo(appeal.error ?? recordAppeal.error),
    'text',
  );
  if (!(isProposed && canManage) && !canLift && !mayAppeal && !mayDecideAppeal) return null;
  return (
    <Card title={t('nextStep')}>
      <div className="space-y-4" data-testid="sanction-steps">
        {isProposed && canManage && s.isProposedByMe ? (
          <Alert tone="info" testId="sanction-awaiting-second">
            {t('awaitingSecond')}
          </Alert>
        ) : null}
        {canDecideBan ? (
          <div className="space-y-2">
            <Alert testId="ban-warning">{t('banWarning')}</Alert>
            {noteField(
              'ban',
              banForm.register('note'),
              fieldMessage(banForm.formState.errors, errorInfo(approve.error ?? reject.error), 'note'),
            )}
            <div className="flex gap-2">
              <Button
                variant="danger"
                disabled={isBusy}
                onClick={() => decideBan('approve')}
                data-testid="sanction-approve"
              >
                {t('approve')}
              </Button>
              <Button
                variant="secondary"
                disabled={isBusy}
                onClick={() => decideBan('reject')}
                data-testid="sanction-reject"
              >
                {t('reject')}
              </Button>
            </div>
          </div>
        ) : null}
        {canLift ? (
          <div className="space-y-2">
            {noteField(
              'lift',
              liftForm.register('note'),
              fieldMessage(liftForm.formState.errors, errorInfo(lift.error), 'note'),
            )}
            <Button
              variant="secondary"
              disabled={isBusy}
              onClick={() => void liftForm.handleSubmit((v) => lift.mutate({ ...id, ...v }))()}
              data-testid="sanction-lift"
            >
              {t('lift')}
            </Button>
          </div>
        ) : null}
        {mayAppeal ? (
          <div className="space-y-2 border-t border-slate-100 pt-3 first:border-0 first:pt-0">
            <p className="text-sm text-slate-600">
              {canAppeal ? t('appealIntro') : s.kind === 'ban' ? t('recordAppealIntro') : t('recordLetterIntro')}
            </p>
            <Field id="appeal-text" label={t('appealText')} error={appealTextError}>
              <Textarea id="appeal-text" rows={5} {...appealForm.register('text')} invalid={Boolean(appealTextError)} />
            </Field>
            <Button
              disabled={isBusy}
              onClick={() =>
                void appealForm.handleSubmit((v) => (canAppeal ? appeal : recordAppeal).mutate({ ...id, ...v }))()
              }
              data-testid="sanction-appeal-submit"
            >
              {canAppeal ? t('appealSubmit') : t('recordAppeal')}
            </Button>
          </div>
        ) : null}
        {mayDecideAppeal ? (
          <div className="space-y-2">
            <p className="text-sm text-slate-600">{t('decideAppealIntro')}</p>
            {noteField(
              'appeal',
              appealDecisionForm.register('note'),
              fieldMessage(appealDecisionForm.formState.errors, errorInfo(decideAppeal.error), 'note'),
            )}
            <div className="flex gap-2">
              <Button disabled={isBusy} onClick={() => decide('granted')} data-testid="appeal-grant">
                {t('grant')}
              </Button>
              <Button variant="secondary" disabled={isBusy} onClick={() => decide('denied')} data-testid="appeal-deny">
                {t('deny')}
              </Button>
            </div>
          </div>
        ) : null}
        {failed && !failed.fieldErrors.note && !failed.fieldErrors.text ? (
          <Alert testId="sanction-step-error">{failed.message}</Alert>
        ) : null}
      </div>
      <Dialog
        open={isConfirming}
        title={t('confirmTitle', { agency: s.agencyName })}
        onClose={() => setConfirming(false)}
      >
        <p className="text-sm text-slate-700">{t('confirmBody')}</p>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {tc('cancel')}
          </Button>
          <Button
            variant="danger"
            disabled={isBusy}
            onClick={() =>
              approve.mutate(
                { ...id, note: banForm.getValues('note') ?? '' },
                { onSettled: () => setConfirming(false) },
              )
            }
            data-testid="sanction-approve-confirm"
          >
            {t('confirmBan')}
          </Button>
        </div>
      </Dialog>
    </Card>
  );
};
