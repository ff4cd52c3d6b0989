'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { shanghaiDate } from '@/lib/dates';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { CallFileUpload } from './call-file-upload';
import { CallMonths } from './call-months';
import { CallSummary } from './call-summary';

export type CallSide = 'agency' | 'creditor' | 'staff';
const FILTERS = ['all', 'violations', 'flagged', 'shadow', 'unmatched'] as const;
type Filter = (typeof FILTERS)[number];
const PERIODS = [7, 30, 90] as const;

const daysBack = (days: number) => shanghaiDate(new Date(Date.now() - (days - 1) * 86_400_000));

/**
 * Calls and messages as the agencies' dialers recorded them (话单): what the rulebook found
 * in them, which were never logged (shadow contacts) and which logged contacts no record
 * backs (phantom actions). The agency sees its collectors, a creditor the agencies working
 * its cases, staff the whole platform.
 */
export const CallsScreen = ({ side, canUpload }: { side: CallSide; canUpload: boolean }) => {
  const t = useTranslations();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [view, setView] = useState<'calls' | 'phantoms'>('calls');
  const [filter, setFilter] = useState<Filter>('all');
  const to = shanghaiDate(new Date());
  const from = daysBack(days);
  return (
    <>
      <PageTitle
        title={t('calls.title')}
        subtitle={t(`calls.subtitle.${side}`)}
        actions={
          <Filter label={t('calls.period')}>
            <Select
              value={String(days)}
              onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}
              data-testid="call-period"
            >
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t('calls.lastDays', { days: d })}
                </option>
              ))}
            </Select>
          </Filter>
        }
      />
      <div className="space-y-4">
        {canUpload ? <CallFileUpload /> : null}
        {side === 'staff' ? <CallMonths /> : null}
        <CallSummary from={from} to={to} />
        <Card
          actions={
            <div className="flex gap-1" role="tablist">
              {(['calls', 'phantoms'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  className={`rounded-md px-3 py-1 text-sm ${view === v ? 'bg-amber-100 text-amber-900' : 'text-slate-600 hover:bg-slate-100'}`}
                  onClick={() => setView(v)}
                  data-testid={`call-view-${v}`}
                >
                  {t(`calls.view.${v}`)}
                </button>
              ))}
            </div>
          }
          title={view === 'calls' ? t('calls.records') : t('calls.phantomTitle')}
        >
          {view === 'calls' ? (
            <>
              <div className="mb-3 flex flex-wrap items-end gap-4">
                <Filter label={t('calls.show')}>
                  <Select
                    value={filter}
                    onChange={(e) => setFilter(e.target.value as Filter)}
                    data-testid="call-filter"
                  >
                    {FILTERS.map((f) => (
                      <option key={f} value={f}>
                        {t(`calls.filter.${f}`)}
                      </option>
                    ))}
                  </Select>
                </Filter>
              </div>
              <CallList side={side} filter={filter} from={from} to={to} />
            </>
          ) : (
            <>
              <p className="mb-3 text-sm text-slate-500">{t('calls.phantomHint')}</p>
              <PhantomList side={side} from={from} to={to} />
            </>
          )}
        </Card>
      </div>
    </>
  );
};

const CallList = ({ side, filter, from, to }: { side: CallSide; filter: Filter; from: string; to: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.calls.list.infiniteQueryOptions(
      { limit: 30, filter, from, to },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [
    t('calls.startedAt'),
    t('calls.number'),
    t('calls.case'),
    side === 'agency' ? t('calls.collector') : t('calls.agency'),
    t('calls.disposition'),
    t('calls.found'),
  ];
  return (
    <>
      {error ? <Alert testId="call-list-error">{error.message}</Alert> : null}
      <Table testId="call-list" head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('calls.empty')}</EmptyRow>
        ) : (
          rows.map((c) => (
            <tr key={c.id} data-testid="call-row">
              <Td className="font-mono text-xs">
                <Link className="text-amber-700 underline" href={`/${side}/calls/${c.id}`}>
                  {formatDateTime(c.startedAt)}
                </Link>
                <span className="block text-slate-500">
                  {t(`calls.kind.${c.kind}`)} · {t(`calls.direction.${c.direction}`)} ·{' '}
                  {t('calls.seconds', { s: c.durationS })}
                </span>
              </Td>
              <Td className="text-xs">
                <span className="font-mono">{c.partyMasked}</span>
                <span className="block text-slate-500">
                  {c.target === 'debtor'
                    ? t('calls.target.debtor')
                    : c.target === 'contact'
                      ? t('calls.target.contact', { n: c.partyNo ?? 0 })
                      : t('calls.target.none')}
                </span>
              </Td>
              <Td className="font-mono text-xs">
                {c.caseId ? (
                  <Link className="text-amber-700 underline" href={`/${side}/cases/${c.caseId}`}>
                    {c.contractNo}
                  </Link>
                ) : (
                  '—'
                )}
              </Td>
              <Td className="text-xs">
                {side === 'agency' ? (c.agentName ?? c.agentRef ?? t('calls.unnamed')) : c.agencyName}
              </Td>
              <Td className="text-xs">{t(`calls.dispositions.${c.disposition}`)}</Td>
              <Td>
                <div className="flex flex-wrap gap-1" data-testid="call-found">
                  {c.violations.map((v) => (
                    <Badge key={v.rule} tone="red">
                      {t(`calls.rule.${v.rule}`)}
                    </Badge>
                  ))}
                  {c.flags.length > 0 ? <Badge tone="amber">{t('calls.rule.forbiddenPhrase')}</Badge> : null}
                  {c.isShadow ? <Badge tone="blue">{t('calls.shadow')}</Badge> : null}
                  {c.caseId && c.direction === 'outbound' && !c.checked ? (
                    <Badge tone="slate">{t('calls.checking')}</Badge>
                  ) : null}
                </div>
              </Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </>
  );
};

const PhantomList = ({ side, from, to }: { side: CallSide; from: string; to: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.calls.phantoms.infiniteQueryOptions(
      { limit: 30, from, to },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [t('calls.loggedAt'), t('calls.number'), t('calls.case'), t('calls.collector'), t('calls.outcome')];
  return (
    <>
      {error ? <Alert testId="phantom-list-error">{error.message}</Alert> : null}
      <Table testId="phantom-list" head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('calls.noPhantoms')}</EmptyRow>
        ) : (
          rows.map((a) => (
            <tr key={a.id} data-testid="phantom-row">
              <Td className="font-mono text-xs">
                {formatDateTime(a.at)}
                <span className="block text-slate-500">{t(`work.channel.${a.channel}`)}</span>
              </Td>
              <Td className="font-mono text-xs">{a.phoneMasked ?? '—'}</Td>
              <Td className="font-mono text-xs">
                <Link className="text-amber-700 underline" href={`/${side}/cases/${a.caseId}`}>
                  {a.contractNo}
                </Link>
              </Td>
              <Td className="text-xs">
                {a.actorName}
                {side !== 'agency' ? <span className="block text-slate-500">{a.agencyName}</span> : null}
              </Td>
              <Td className="text-xs">{t(`work.outcome.${a.outcome}`)}</Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </>
  );
};
