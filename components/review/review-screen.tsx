'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { TReviewView } from '@/server/api/routers/staff/admission.schema';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { DocumentList } from '../files/document-list';
import { ApplicationSummary } from './application-summary';
import { DecisionPanel } from './decision-panel';
import { ScoringPanel } from './scoring-panel';

/** One application under review: what was submitted on the left, scores and decision on the right. */
export const ReviewScreen = ({ applicationId, selfId }: { applicationId: string; selfId: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.staff.admission.get.queryKey({ applicationId });
  const query = useQuery(trpc.staff.admission.get.queryOptions({ applicationId }));
  const onSuccess = (v: TReviewView) => {
    queryClient.setQueryData(key, v);
    void queryClient.invalidateQueries({ queryKey: trpc.staff.admission.queue.pathKey() });
  };
  const scores = useMutation(trpc.staff.admission.saveScores.mutationOptions({ onSuccess }));
  const decide = useMutation(trpc.staff.admission.decide.mutationOptions({ onSuccess }));
  const requestInfo = useMutation(trpc.staff.admission.requestInfo.mutationOptions({ onSuccess }));
  const approve = useMutation(trpc.staff.admission.approve.mutationOptions({ onSuccess }));

  const loadError = errorInfo(query.error);
  if (loadError) return <Alert>{loadError.message}</Alert>;
  const view = query.data;
  if (!view) return <p className="text-sm text-slate-500">{t('common.loading')}</p>;
  const isOpen = view.status === 'submitted' || view.status === 'under_review';
  const canScore = isOpen && view.review?.status !== 'awaiting_approval';
  const actionError = errorInfo(decide.error ?? requestInfo.error ?? approve.error);

  return (
    <>
      <PageTitle
        title={view.org.name}
        subtitle={
          <>
            <Link href="/staff/admission" className="text-amber-700 hover:underline">
              ← {t('review.queueTitle')}
            </Link>
            <span className="ml-3">
              {t(`orgType.${view.kind}`)} · <span className="font-mono">{view.org.creditCode}</span> ·{' '}
              {t('review.submittedOn', { at: formatDateTime(view.submittedAt), n: view.submission })}
            </span>
          </>
        }
        actions={
          <span data-testid="review-status">
            <Badge tone={view.status === 'admitted' ? 'green' : view.status === 'rejected' ? 'red' : 'blue'}>
              {t(`applicationStatus.${view.status}`)}
            </Badge>
          </span>
        }
      />
      <div className="grid gap-5 xl:grid-cols-5">
        <div className="space-y-5 xl:col-span-3">
          <Card title={t('review.application')}>
            <ApplicationSummary kind={view.kind} sections={view.sections} legalRepIdMasked={view.legalRepIdMasked} />
          </Card>
          <Card title={t('documents.title')}>
            <DocumentList documents={view.documents} />
          </Card>
        </div>
        <div className="space-y-5 xl:col-span-2">
          <Card title={t('review.scoring')}>
            <ScoringPanel
              key={`${view.review?.id ?? 'new'}-${view.review?.status ?? ''}`}
              view={view}
              canEdit={canScore}
              isPending={scores.isPending}
              error={errorInfo(scores.error)}
              onSave={(s, hasFraudOrAbuse) => scores.mutate({ applicationId, scores: s, hasFraudOrAbuse })}
            />
          </Card>
          <Card title={t('review.decision')}>
            <DecisionPanel
              view={view}
              selfId={selfId}
              isPending={decide.isPending || requestInfo.isPending || approve.isPending}
              error={actionError}
              actions={{
                onDecide: (decision, reason) => decide.mutate({ applicationId, decision, reason }),
                onRequestInfo: (message) => requestInfo.mutate({ applicationId, message }),
                onApprove: (isApproved, note) => approve.mutate({ applicationId, isApproved, note }),
              }}
            />
          </Card>
        </div>
      </div>
    </>
  );
};
