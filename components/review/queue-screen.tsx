'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

/** Reviewers' queue: submitted applications, oldest first, against the 5-business-day target. */
export const QueueScreen = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.staff.admission.queue.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  return (
    <>
      <PageTitle title={t('review.queueTitle')} subtitle={t('review.queueSubtitle')} />
      {error ? <Alert>{error.message}</Alert> : null}
      <Card>
        <Table
          testId="queue-table"
          head={[
            t('overview.orgName'),
            t('fields.type'),
            t('review.submittedAt'),
            t('review.age'),
            t('fields.status'),
            t('review.reviewer'),
            '',
          ]}
        >
          {list.isPending ? (
            <EmptyRow colSpan={7}>{t('common.loading')}</EmptyRow>
          ) : rows.length === 0 ? (
            <EmptyRow colSpan={7}>{t('review.queueEmpty')}</EmptyRow>
          ) : (
            rows.map((r) => (
              <tr key={r.id} data-testid="queue-row">
                <Td className="font-medium text-slate-900">
                  {r.orgName}
                  <span className="block font-mono text-xs text-slate-500">{r.creditCode}</span>
                </Td>
                <Td>
                  {t(`orgType.${r.kind}`)}
                  {r.isRenewal ? <span className="ml-1 text-xs text-slate-500">{t('review.renewal')}</span> : null}
                </Td>
                <Td>{formatDateTime(r.submittedAt)}</Td>
                <Td>
                  <Badge tone={r.isOverdue ? 'red' : r.ageBusinessDays >= 4 ? 'amber' : 'green'}>
                    {t('review.ageDays', { n: r.ageBusinessDays })}
                  </Badge>
                </Td>
                <Td>
                  {r.reviewStatus === 'awaiting_approval'
                    ? t('review.awaitingApproval')
                    : t(`applicationStatus.${r.status}`)}
                  {r.submission > 1 ? (
                    <span className="ml-1 text-xs text-slate-500">{t('review.resubmitted', { n: r.submission })}</span>
                  ) : null}
                </Td>
                <Td>{r.reviewerName ?? '—'}</Td>
                <Td className="text-right">
                  <Link
                    href={`/staff/admission/${r.id}`}
                    className="rounded px-2 py-1 text-sm text-amber-700 hover:bg-amber-50"
                    data-testid={`review-${r.creditCode}`}
                  >
                    {t('review.open')}
                  </Link>
                </Td>
              </tr>
            ))
          )}
        </Table>
        <LoadMore list={list} />
      </Card>
    </>
  );
};
