'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ZComplainForm, ZCompleteForm, ZReviewForm } from '@/server/api/routers/audits/audits.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { COMPLAINT_CATEGORIES, type AuditFinding } from '@/lib/enums';
import { bpToPercent, formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Select, Textarea } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { FindingBadge } from './finding-badge';

const ItemRow = ({ item, canReview, canPropose }: { item: AuditItem; canReview: boolean; canPropose: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reviewForm = useZodForm(ZReviewForm, { defaultValues: { note: item.note ?? '' } });
  const complainForm = useZodForm(ZComplainForm, { defaultValues: { category: 'threats' } });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.audits.items.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.audits.get.pathKey() }),
    ]);
  const review = useMutation(trpc.audits.review.mutationOptions({ onSuccess: () => void refresh() }));
  const complain = useMutation(trpc.audits.complain.mutationOptions({ onSuccess: () => void refresh() }));
  const error = errorInfo(review.error) ?? errorInfo(complain.error);
  const noteError = fieldMessage(reviewForm.formState.errors, errorInfo(review.error), 'note');
  const categoryError = fieldMessage(complainForm.formState.errors, errorInfo(complain.error), 'category');
  return (
    <tr data-testid="audit-item" className="align-top">
      <Td className="text-xs">
        <Badge tone={item.kind === 'visit' ? 'blue' : 'slate'}>{t(`audits.kind.${item.kind}`)}</Badge>
        <span className="mt-1 block font-mono text-slate-500">{formatDateTime(item.at)}</span>
      </Td>
      <Td className="text-xs">
        <Link className="font-mono text-amber-700 underline" href={`/staff/cases/${item.caseId}`} target="_blank">
          {item.contractNo}
        </Link>
        <span className="block text-slate-500">{item.debtorName}</span>
      </Td>
      <Td className="whitespace-normal text-xs">
        <div className="w-72">
          {item.kind === 'visit' ? (
            <>
              <p>{item.address}</p>
              <p className="text-slate-500">{t('audits.evidenceCount', { count: item.evidence ?? 0 })}</p>
            </>
          ) : (
            <>
              <p>
                {t(`work.channel.${item.channel ?? 'call'}`)} · {t(`work.outcome.${item.outcome ?? 'unanswered'}`)}
                {item.isCorrection ? ` · ${t('audits.correction')}` : ''}
              </p>
              {item.actionNote ? <p className="text-slate-600">{item.actionNote}</p> : null}
            </>
          )}
          {item.flags.length > 0 ? (
            <p className="mt-1">
              <Badge tone="red">{t('audits.flagged', { count: item.flags.length })}</Badge>
            </p>
          ) : null}
        </div>
      </Td>
      <Td className="whitespace-normal">
        <div className="w-80 space-y-2">
          <div className="flex items-center gap-2">
            <FindingBadge finding={item.finding} />
            {item.reviewerName ? <span className="text-xs text-slate-500">{item.reviewerName}</span> : null}
          </div>
          {canReview ? (
            <>
              <Textarea
                aria-label={t('audits.note')}
                rows={2}
                {...reviewForm.register('note')}
                invalid={Boolean(noteError)}
                placeholder={t('audits.notePlaceholder')}
              />
              {noteError ? <p className="text-xs text-red-600">{noteError}</p> : null}
              <div className="flex flex-wrap gap-1">
                {(['pass', 'issue', 'violation'] as const).map((finding) => (
                  <Button
                    key={finding}
                    variant={finding === 'violation' ? 'dangerGhost' : 'secondary'}
                    disabled={review.isPending}
                    onClick={() =>
                      void reviewForm.handleSubmit(({ note }) => review.mutate({ itemId: item.id, finding, note }))()
                    }
                    data-testid={`review-${finding}`}
                  >
                    {t(`audits.finding.${finding}`)}
                  </Button>
                ))}
              </div>
            </>
          ) : item.note ? (
            <p className="text-xs text-slate-700">{item.note}</p>
          ) : null}
          {item.finding === 'violation' && canPropose ? (
            <Link
              className="block text-xs text-red-700 underline"
              href={`/staff/sanctions/new?auditItemId=${item.id}`}
              data-testid="audit-propose-sanction"
            >
              {t('audits.proposeSanction')}
            </Link>
          ) : null}
          {item.finding === 'violation' ? (
            item.complaint ? (
              <Link
                className="text-xs text-amber-700 underline"
                href={`/staff/complaints/${item.complaint.id}`}
                data-testid="audit-item-complaint"
              >
                {t('audits.complaintOpened', { reference: item.complaint.reference })}
              </Link>
            ) : canReview ? (
              <div className="flex items-center gap-1">
                <Select
                  aria-label={t('audits.complaintCategory')}
                  {...complainForm.register('category')}
                  invalid={Boolean(categoryError)}
                  className="w-40"
                >
                  {COMPLAINT_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`complaints.category.${c}`)}
                    </option>
                  ))}
                </Select>
                <Button
                  variant="danger"
                  disabled={complain.isPending}
                  onClick={() =>
                    void complainForm.handleSubmit(({ category }) => complain.mutate({ itemId: item.id, category }))()
                  }
                  data-testid="audit-complain"
                >
                  {t('audits.openComplaint')}
                </Button>
              </div>
            ) : null
          ) : null}
          {error ? <p className="text-xs text-red-600">{error.message}</p> : null}
        </div>
      </Td>
    </tr>
  );
};

type AuditItem = {
  id: string;
  kind: 'visit' | 'action';
  caseId: string;
  contractNo: string;
  debtorName: string;
  finding: AuditFinding | null;
  note: string | null;
  reviewerName: string | null;
  complaint: { id: string; reference: string } | null;
  at: Date | null;
  address: string | null;
  evidence: number | null;
  channel: string | null;
  outcome: string | null;
  actionNote: string | null;
  isCorrection: boolean;
  flags: string[];
};

/** One audit: the sampled records to review, then the summary that completes it as the agency's audit report. */
export const AuditScreen = ({ auditId, canManage }: { auditId: string; canManage: boolean }) => {
  const t = useTranslations('audits');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [finding, setFinding] = useState<AuditFinding | 'unreviewed' | ''>('');
  const summaryForm = useZodForm(ZCompleteForm, { defaultValues: { summary: '' } });
  const audit = useQuery(trpc.audits.get.queryOptions({ auditId }));
  const items = useInfiniteQuery(
    trpc.audits.items.infiniteQueryOptions(
      { auditId, limit: 50, ...(finding ? { finding } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const complete = useMutation(
    trpc.audits.complete.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.audits.get.pathKey() }),
    }),
  );
  const a = audit.data;
  const error = errorInfo(audit.error);
  if (error) return <Alert>{error.message}</Alert>;
  if (!a) return <p className="text-sm text-slate-500">{tc('loading')}</p>;
  const isOpen = a.status === 'open';
  const rows = rowsOf(items.data);
  const completeError = errorInfo(complete.error);
  return (
    <>
      <PageTitle
        title={t('auditOf', { agency: a.agencyName })}
        subtitle={`${a.periodFrom} – ${a.periodTo} · ${a.method === 'random' ? t('randomShare', { percent: bpToPercent(a.sampleBp ?? 0) }) : t('method.chosen')} · ${a.createdByName}`}
        actions={
          <>
            {!isOpen ? (
              <a
                className="text-sm text-amber-700 underline"
                href={`/api/audits/${a.id}/report`}
                data-testid="audit-report-pdf"
              >
                {t('reportPdf')}
              </a>
            ) : null}
            <Link href="/staff/audits" className="text-sm text-amber-700 underline">
              {t('back')}
            </Link>
          </>
        }
      />
      <div className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="audit-tally">
          {(
            [
              ['records', a.itemCount],
              ['reviewedLabel', a.reviewed],
              ['pass', a.findings.pass],
              ['issue', a.findings.issue],
              ['violation', a.findings.violation],
            ] as const
          ).map(([k, v]) => (
            <div key={k} className="rounded-md bg-white p-3 ring-1 ring-slate-200">
              <dt className="text-xs text-slate-500">
                {k === 'records' || k === 'reviewedLabel' ? t(k) : t(`finding.${k}`)}
              </dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={`audit-${k}`}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
        {a.summary ? (
          <Card title={t('summary')}>
            <p className="whitespace-pre-wrap text-sm" data-testid="audit-summary">
              {a.summary}
            </p>
            <p className="mt-2 text-xs text-slate-500">{t('completedAt', { at: formatDateTime(a.completedAt) })}</p>
          </Card>
        ) : null}
        <Card
          title={t('records')}
          actions={
            <Select
              aria-label={t('findingFilter')}
              value={finding}
              onChange={(e) => setFinding(e.target.value as AuditFinding | 'unreviewed' | '')}
            >
              <option value="">{t('allRecords')}</option>
              <option value="unreviewed">{t('unreviewed')}</option>
              {(['pass', 'issue', 'violation'] as const).map((f) => (
                <option key={f} value={f}>
                  {t(`finding.${f}`)}
                </option>
              ))}
            </Select>
          }
        >
          <Table testId="audit-items" head={[t('record'), t('case'), t('what'), t('findingLabel')]}>
            {rows.length === 0 ? (
              <EmptyRow colSpan={4}>{items.isPending ? tc('loading') : t('noRecords')}</EmptyRow>
            ) : (
              rows.map((i) => <ItemRow key={i.id} item={i} canReview={canManage && isOpen} canPropose={canManage} />)
            )}
          </Table>
          <LoadMore list={items} />
        </Card>
        {canManage && isOpen ? (
          <Card title={t('completeTitle')}>
            <div className="space-y-3">
              <Field
                id="audit-summary-input"
                label={t('summary')}
                hint={t('summaryHint')}
                error={fieldMessage(summaryForm.formState.errors, completeError, 'summary')}
              >
                <Textarea
                  id="audit-summary-input"
                  rows={3}
                  {...summaryForm.register('summary')}
                  invalid={Boolean(fieldMessage(summaryForm.formState.errors, completeError, 'summary'))}
                />
              </Field>
              {completeError && !completeError.fieldErrors.summary ? (
                <Alert testId="audit-complete-error">{completeError.message}</Alert>
              ) : null}
              <Button
                onClick={() => void summaryForm.handleSubmit((v) => complete.mutate({ auditId, ...v }))()}
                disabled={complete.isPending}
                data-testid="audit-complete"
              >
                {t('complete')}
              </Button>
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
};
