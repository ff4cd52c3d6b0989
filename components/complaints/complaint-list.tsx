'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { COMPLAINT_CATEGORIES, COMPLAINT_STATUSES, type ComplaintCategory, type ComplaintStatus } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { pagedFresh } from '../trpc/paging';
import { complaintFilters, complaintsInput } from './queries';
import { ExportButton } from '../exports/export-button';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { ComplaintStatusBadge, DueCell } from './complaint-status';

export type ComplaintPortal = 'staff' | 'creditor' | 'agency';

/**
 * Complaints the portal may read, newest first: the deadline each waits for, what is
 * overdue (in red), and for staff the near-duplicates of template text.
 */
export const ComplaintList = ({ portal }: { portal: ComplaintPortal }) => {
  const t = useTranslations('complaints');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [status, setStatus] = useState<ComplaintStatus | ''>('');
  const [category, setCategory] = useState<ComplaintCategory | ''>('');
  const [isOverdueOnly, setOverdueOnly] = useState(false);
  const filters = complaintFilters({ status, category, isOverdueOnly });
  const list = useInfiniteQuery(
    trpc.complaints.list.infiniteQueryOptions(complaintsInput({ status, category, isOverdueOnly }), pagedFresh),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [
    t('reference'),
    t('receivedAt'),
    t('field.category'),
    portal === 'agency' ? t('case') : t('caseAndAgency'),
    ...(portal === 'staff' ? [t('creditor')] : []),
    t('statusLabel'),
    t('nextDue'),
  ];
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <div className="ml-auto order-last">
          <ExportButton request={{ list: 'complaints', filters }} />
        </div>
        <Filter label={t('statusLabel')}>
          <Select
            value={status}
            onChange={(e) => setStatus(e.target.value as ComplaintStatus | '')}
            data-testid="complaint-status-filter"
          >
            <option value="">{t('allStatuses')}</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </Filter>
        <Filter label={t('field.category')}>
          <Select
            value={category}
            onChange={(e) => setCategory(e.target.value as ComplaintCategory | '')}
            data-testid="complaint-category-filter"
          >
            <option value="">{t('allCategories')}</option>
            {COMPLAINT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </Select>
        </Filter>
        <label className="flex items-center gap-1 pb-1.5 text-sm">
          <input
            type="checkbox"
            checked={isOverdueOnly}
            onChange={(e) => setOverdueOnly(e.target.checked)}
            data-testid="complaint-overdue-only"
          />
          {t('overdueOnly')}
        </label>
      </div>
      {error ? <Alert testId="complaint-list-error">{error.message}</Alert> : null}
      <Table testId="complaint-list" head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('empty')}</EmptyRow>
        ) : (
          rows.map((c) => (
            <tr key={c.id} data-testid="complaint-row" className={c.overdue.length > 0 ? 'bg-red-50/60' : undefined}>
              <Td>
                <Link className="font-mono text-xs text-amber-700 underline" href={`/${portal}/complaints/${c.id}`}>
                  {c.reference}
                </Link>
                {c.isNearDuplicate ? (
                  <span className="ml-1">
                    <Badge tone="amber">{t('nearDuplicate')}</Badge>
                  </span>
                ) : null}
              </Td>
              <Td className="font-mono text-xs">{formatDateTime(c.receivedAt)}</Td>
              <Td>{t(`category.${c.category}`)}</Td>
              <Td className="text-xs">
                <span className="font-mono">{c.contractNo ?? '—'}</span>
                {portal === 'agency' ? null : <span className="block text-slate-600">{c.agencyName ?? '—'}</span>}
              </Td>
              {portal === 'staff' ? <Td className="text-xs">{c.creditorName ?? '—'}</Td> : null}
              <Td>
                <ComplaintStatusBadge status={c.status} outcome={c.outcome} />
              </Td>
              <DueCell dueAt={c.nextDueAt} overdue={c.overdue} />
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};
