'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { INSPECTION_SAMPLE_REASONS, type InspectionSampleReason } from '@/lib/call-records';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { Input, Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { ReasonBadges } from './reason-badges';

export type InspectionPortal = 'agency' | 'staff';

/** The filters both lists share: the agency (staff) and its collectors. */
export const useAgencyFilters = (agencyId: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.inspections.filters.queryOptions(agencyId ? { agencyId } : {})).data;
};

/**
 * The calls waiting for the caller's side to inspect them, newest first, each with why it
 * was sampled: flagged by the rule check, a complaint on the case, or the random share.
 */
export const InspectionQueue = ({ portal }: { portal: InspectionPortal }) => {
  const t = useTranslations('inspections');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState<InspectionSampleReason | ''>('');
  const [agentId, setAgentId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters = useAgencyFilters(agencyId);
  const input = {
    limit: 30,
    ...(agencyId ? { agencyId } : {}),
    ...(reason ? { reason } : {}),
    ...(agentId ? { agentId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const list = useInfiniteQuery(
    trpc.inspections.queue.infiniteQueryOptions(input, {
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      staleTime: 0,
    }),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [
    t('startedAt'),
    ...(portal === 'staff' ? [t('agency')] : []),
    t('collector'),
    t('party'),
    t('contractNo'),
    t('duration'),
    t('reasons'),
    '',
  ];
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-end gap-4">
        {portal === 'staff' ? (
          <Filter label={t('agency')}>
            <Select
              value={agencyId}
              onChange={(e) => {
                setAgencyId(e.target.value);
                setAgentId('');
              }}
              data-testid="queue-agency-filter"
            >
              <option value="">{t('allAgencies')}</option>
              {filters?.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          </Filter>
        ) : null}
        <Filter label={t('reasonLabel')}>
          <Select
            value={reason}
            onChange={(e) => setReason(e.target.value as InspectionSampleReason | '')}
            data-testid="queue-reason-filter"
          >
            <option value="">{t('allReasons')}</option>
            {INSPECTION_SAMPLE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </Select>
        </Filter>
        <Filter label={t('collector')}>
          <Select
            value={agentId}
            onChange={(e) => setAgentId(e.target.value)}
            disabled={!filters?.agents.length}
            data-testid="queue-agent-filter"
          >
            <option value="">{t('allCollectors')}</option>
            {filters?.agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </Select>
        </Filter>
        <Filter label={t('from')}>
          <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="queue-from" />
        </Filter>
        <Filter label={t('to')}>
          <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="queue-to" />
        </Filter>
      </div>
      {error ? <Alert testId="queue-error">{error.message}</Alert> : null}
      <Table testId="inspection-queue" head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('queueEmpty')}</EmptyRow>
        ) : (
          rows.map((r) => (
            <tr key={r.id} data-testid="queue-row">
              <Td className="font-mono text-xs whitespace-nowrap">{formatDateTime(r.startedAt)}</Td>
              {portal === 'staff' ? <Td>{r.agencyName}</Td> : null}
              <Td>{r.agentName ?? r.agentRef ?? '—'}</Td>
              <Td className="font-mono text-xs">{r.partyMasked}</Td>
              <Td className="font-mono text-xs">{r.contractNo ?? '—'}</Td>
              <Td className="tabular-nums">{t('seconds', { s: r.durationS })}</Td>
              <Td>
                <ReasonBadges reasons={r.reasons} />
              </Td>
              <Td>
                <Link
                  className="text-amber-700 underline"
                  href={`/${portal}/inspections/${r.id}`}
                  data-testid="inspect-link"
                >
                  {t('inspect')}
                </Link>
              </Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};
