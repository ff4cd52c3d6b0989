'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { VISIT_STATUSES, type VisitStatus } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { VisitFlags } from './visit-view';

/**
 * Field visits across the creditor's cases, or across the platform for auditors and
 * complaint handlers: when, where, how many staff, what evidence came in, which are
 * flagged. Each leads to the case's record with the evidence itself.
 */
export const VisitListScreen = ({ isStaff }: { isStaff: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [status, setStatus] = useState<VisitStatus | ''>('');
  const [isFlaggedOnly, setFlaggedOnly] = useState(false);
  const input = { limit: 30, ...(status ? { status } : {}), ...(isFlaggedOnly ? { isFlaggedOnly } : {}) };
  const list = useInfiniteQuery(
    trpc.record.visitList.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      staleTime: 0,
    }),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [
    t('visitList.plannedFor'),
    t('visitList.case'),
    t('visitList.agency'),
    ...(isStaff ? [t('visitList.creditor')] : []),
    t('visitList.status'),
    t('visitList.staff'),
    t('visitList.evidence'),
    t('visitList.flags'),
  ];
  return (
    <>
      <PageTitle
        title={t('visitList.title')}
        subtitle={isStaff ? t('visitList.staffSubtitle') : t('visitList.creditorSubtitle')}
        actions={
          <ExportButton
            request={{
              list: 'visits',
              filters: { ...(status ? { status } : {}), ...(isFlaggedOnly ? { isFlaggedOnly } : {}) },
            }}
          />
        }
      />
      <Card>
        <div className="mb-3 flex flex-wrap items-end gap-4">
          <Filter label={t('visitList.status')}>
            <Select
              value={status}
              onChange={(e) => setStatus(e.target.value as VisitStatus | '')}
              data-testid="visit-status-filter"
            >
              <option value="">{t('visitList.allStatuses')}</option>
              {VISIT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`visits.status.${s}`)}
                </option>
              ))}
            </Select>
          </Filter>
          <label className="flex items-center gap-1 pb-1.5 text-sm">
            <input
              type="checkbox"
              checked={isFlaggedOnly}
              onChange={(e) => setFlaggedOnly(e.target.checked)}
              data-testid="visit-flagged-only"
            />
            {t('visitList.flaggedOnly')}
          </label>
        </div>
        {error ? <Alert testId="visit-list-error">{error.message}</Alert> : null}
        <Table testId="visit-list" head={head}>
          {list.isPending ? (
            <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
          ) : rows.length === 0 ? (
            <EmptyRow colSpan={head.length}>{t('visitList.empty')}</EmptyRow>
          ) : (
            rows.map((v) => (
              <tr key={v.id} data-testid="visit-list-row">
                <Td className="font-mono text-xs">
                  {formatDateTime(v.plannedFor, v.timeZone)}
                  {v.visitedAt ? (
                    <span className="block text-slate-500">
                      {t('visits.visitedAt', { at: formatDateTime(v.visitedAt, v.timeZone) })}
                    </span>
                  ) : null}
                </Td>
                <Td className="text-xs">
                  <Link
                    className="font-mono text-amber-700 underline"
                    href={`/${isStaff ? 'staff' : 'creditor'}/cases/${v.caseId}`}
                  >
                    {v.contractNo}
                  </Link>
                  <span className="block text-slate-500">{v.debtorName}</span>
                </Td>
                <Td>{v.agencyName}</Td>
                {isStaff ? <Td>{v.creditorName}</Td> : null}
                <Td>{t(`visits.status.${v.status}`)}</Td>
                <Td className="tabular-nums">{v.staff}</Td>
                <Td className="text-xs tabular-nums">
                  {t('visitList.evidenceCounts', { photos: v.photos, audio: v.audio, video: v.video })}
                </Td>
                <Td>
                  <VisitFlags flags={v.flags} />
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
