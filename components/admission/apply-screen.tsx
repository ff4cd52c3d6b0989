'use client';

import { useQuery } from '@tanstack/react-query';
import { DecisionNotice } from './decision-notice';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, type Tone } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { BasicsStep } from './basics-step';
import { ComplianceStep, LicenceStep } from './declaration-step';
import { DocumentsStep } from './documents-step';
import type { StepProps } from './section-kit';
import { SubmitStep } from './submit-step';
import { SystemsStep } from './systems-step';
import { TrackRecordStep } from './track-record-step';

const STEP_COMPONENTS: Record<string, (p: StepProps) => React.ReactNode> = {
  basics: BasicsStep,
  systems: SystemsStep,
  trackRecord: TrackRecordStep,
  compliance: ComplianceStep,
  licence: LicenceStep,
  documents: DocumentsStep,
};

const STATUS_TONE: Record<string, Tone> = {
  draft: 'slate',
  submitted: 'blue',
  under_review: 'blue',
  info_requested: 'amber',
  admitted: 'green',
  rejected: 'red',
};

/**
 * The admission application, one section per step, saved as a draft between steps. Only the
 * organization's admins read it (capital, references, legal representative, licence); its
 * other users are told who handles it.
 */
export const ApplyScreen = ({
  orgType,
  canApply,
  canRead,
}: {
  orgType: string;
  canApply: boolean;
  canRead: boolean;
}) => {
  const t = useTranslations();
  if (!canRead) {
    return (
      <>
        <PageTitle title={t(`apply.title.${orgType === 'creditor' ? 'creditor' : 'agency'}`)} />
        <Alert tone="info" testId="apply-admins-only">
          {t('apply.adminsOnly')}
        </Alert>
      </>
    );
  }
  return <ApplicationSteps canApply={canApply} />;
};

const ApplicationSteps = ({ canApply }: { canApply: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const query = useQuery(trpc.admission.application.get.queryOptions());
  const [step, setStep] = useState<string | null>(null);
  const error = errorInfo(query.error);
  if (error) return <Alert>{error.message}</Alert>;
  const view = query.data;
  if (!view) return <p className="text-sm text-slate-500">{t('common.loading')}</p>;

  const sections = Object.keys(view.completeness);
  const current = step ?? sections.find((s) => !view.completeness[s]) ?? 'submit';
  const canEdit = canApply && view.isEditable;
  const Step = STEP_COMPONENTS[current];
  // A save that completes its section moves on to the next one (or to submission).
  const onSaved = (saved: typeof view) => {
    if (!saved.completeness[current]) return;
    const order = [...sections, 'submit'];
    setStep(order[order.indexOf(current) + 1] ?? 'submit');
  };

  return (
    <>
      <PageTitle
        title={t(`apply.title.${view.kind}`)}
        subtitle={t('apply.subtitle')}
        actions={
          <span data-testid="application-status">
            <Badge tone={STATUS_TONE[view.status]}>{t(`applicationStatus.${view.status}`)}</Badge>
          </span>
        }
      />
      <div className="space-y-4">
        {view.status === 'info_requested' && view.infoRequest ? (
          <Alert tone="info" testId="info-request">
            {t('apply.infoRequested')}: {view.infoRequest}
          </Alert>
        ) : null}
        {view.status === 'submitted' || view.status === 'under_review' ? (
          <Alert tone="info" testId="under-review">
            {t('apply.underReview', { at: formatDateTime(view.submittedAt) })}
          </Alert>
        ) : null}
        {!canApply && view.isEditable ? <Alert tone="info">{t('apply.adminOnly')}</Alert> : null}
        <DecisionNotice view={view} canApply={canApply} />
        <div className="flex gap-6">
          <ol className="w-52 shrink-0 space-y-1" aria-label={t('apply.steps')} data-testid="apply-steps">
            {[...sections, 'submit'].map((s, i) => (
              <li key={s}>
                <button
                  type="button"
                  onClick={() => setStep(s)}
                  aria-current={s === current ? 'step' : undefined}
                  data-testid={`go-${s}`}
                  className={`flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm ${s === current ? 'bg-amber-50 font-medium text-amber-900' : 'text-slate-700 hover:bg-slate-100'}`}
                >
                  <span
                    className={`flex h-5 w-5 items-center justify-center rounded-full text-xs ${s !== 'submit' && view.completeness[s] ? 'bg-emerald-600 text-white' : 'bg-slate-200 text-slate-600'}`}
                  >
                    {s !== 'submit' && view.completeness[s] ? '✓' : i + 1}
                  </span>
                  {s === 'submit' ? t('apply.submitStep') : t(`admission.section.${s}`)}
                </button>
              </li>
            ))}
          </ol>
          <div className="min-w-0 flex-1">
            <Card title={current === 'submit' ? t('apply.submitStep') : t(`admission.section.${current}`)}>
              {Step ? (
                <Step key={current} view={view} canEdit={canEdit} onSaved={onSaved} />
              ) : (
                <SubmitStep view={view} canEdit={canEdit} onGoTo={setStep} />
              )}
            </Card>
          </div>
        </div>
      </div>
    </>
  );
};
