'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Input, Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { useAgencyFilters, type InspectionPortal } from './inspection-queue';
import { scoreText } from './reason-badges';

/**
 * A month's results: per collector of the agency (the agency's own, or the one staff pick),
 * or per agency for staff: calls inspected, the average score and the fatal findings.
 */
export const InspectionResults = ({ portal }: { portal: InspectionPortal }) => {
  const t = useTranslations('inspections');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [month, setMonth] = useState(() => shanghaiMonth());
  const [agencyId, setAgencyId] = useState('');
  const filters = useAgencyFilters('');
  const summary = useQuery(
    trpc.inspections.summary.queryOptions({ month, ...(agencyId ? { agencyId } : {}) }, { enabled: month !== '' }),
  );
  const error = errorInfo(summary.error);
  const by = summary.data?.by ?? (portal === 'staff' && !agencyId ? 'agency' : 'collector');
  const head = [by === 'agency' ? t('agency') : t('collector'), t('inspected'), t('averageScore'), t('fatalFindings')];
  return (
    <Card title={t('resultsTitle')}>
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <Filter label={t('month')}>
          <Input type="month" value={month} onChange={(e) => setMonth(e.target.value)} data-testid="results-month" />
        </Filter>
        {portal === 'staff' ? (
          <Filter label={t('agency')}>
            <Select value={agencyId} onChange={(e) => setAgencyId(e.target.value)} data-testid="results-agency">
              <option value="">{t('perAgency')}</option>
              {filters?.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Filter>
        ) : null}
      </div>
      {error ? <Alert testId="results-error">{error.message}</Alert> : null}
      <Table testId="inspection-results" head={head}>
        {summary.isPending ? (
          <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
        ) : !summary.data?.rows.length ? (
          <EmptyRow colSpan={head.length}>{t('resultsEmpty')}</EmptyRow>
        ) : (
          summary.data.rows.map((r) => (
            <tr key={r.id ?? 'none'} data-testid="results-row">
              <Td>{r.name ?? t('noCollector')}</Td>
              <Td className="tabular-nums">{r.inspected}</Td>
              <Td className="tabular-nums">{scoreText(r.averageScoreBp)}</Td>
              <Td className="tabular-nums">
                {r.fatal > 0 ? <Badge tone="red">{r.fatal}</Badge> : <span className="text-slate-400">0</span>}
              </Td>
            </tr>
          ))
        )}
      </Table>
    </Card>
  );
};

/**
 * Inspections made, newest first: the agency its own; staff both sides', so an agency's fatal
 * finding reaches the auditors, with the sanction proposed on it if any.
 */
export const InspectionList = ({ portal }: { portal: InspectionPortal }) => {
  const t = useTranslations('inspections');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [isFatalOnly, setFatalOnly] = useState(portal === 'staff');
  const [side, setSide] = useState<'' | 'agency' | 'platform'>('');
  const list = useInfiniteQuery(
    trpc.inspections.list.infiniteQueryOptions(
      { limit: 30, ...(isFatalOnly ? { isFatalOnly } : {}), ...(side ? { side } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [
    t('inspectedAt'),
    ...(portal === 'staff' ? [t('agency'), t('side')] : []),
    t('collector'),
    t('inspector'),
    t('score'),
    ...(portal === 'staff' ? [t('sanction')] : []),
  ];
  return (
    <Card title={t('doneTitle')}>
      <div className="mb-3 flex flex-wrap items-end gap-4">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={isFatalOnly}
            onChange={(e) => setFatalOnly(e.target.checked)}
            data-testid="fatal-only"
          />
          {t('fatalOnly')}
        </label>
        {portal === 'staff' ? (
          <Filter label={t('side')}>
            <Select value={side} onChange={(e) => setSide(e.target.value as '' | 'agency' | 'platform')}>
              <option value="">{t('allSides')}</option>
              <option value="agency">{t('sideOf.agency')}</option>
              <option value="platform">{t('sideOf.platform')}</option>
            </Select>
          </Filter>
        ) : null}
      </div>
      {error ? <Alert testId="done-error">{error.message}</Alert> : null}
      <Table testId="inspection-list" head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('doneEmpty')}</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id} data-testid="done-row" className={r.fatalFailed.length > 0 ? 'bg-red-50/50' : undefined}>
              <Td className="font-mono text-xs whitespace-nowrap">
                <Link className="text-amber-700 underline" href={`/${portal}/inspections/${r.recordId}`}>
                  {formatDateTime(r.createdAt)}
                </Link>
              </Td>
              {portal === 'staff' ? (
                <>
                  <Td>{r.agencyName}</Td>
                  <Td>{t(`sideOf.${r.side === 'platform' ? 'platform' : 'agency'}`)}</Td>
                </>
              ) : null}
              <Td>{r.agentName ?? '—'}</Td>
              <Td>{r.inspectorName}</Td>
              <Td className="tabular-nums">
                {r.fatalFailed.length > 0 ? (
                  <Badge tone="red">{t('fatalN', { count: r.fatalFailed.length })}</Badge>
                ) : (
                  scoreText(r.scoreBp)
                )}
              </Td>
              {portal === 'staff' ? (
                <Td>
                  {r.sanctionId ? (
                    <Link className="text-amber-700 underline" href={`/staff/sanctions/${r.sanctionId}`}>
                      {t('viewSanction')}
                    </Link>
                  ) : (
                    '—'
                  )}
                </Td>
              ) : null}
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};
