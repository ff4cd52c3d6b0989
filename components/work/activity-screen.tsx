'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { TIntensity } from '@/server/api/routers/oversight/oversight.schema';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '../trpc/react';
import { ActionNote } from './action-note';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

const PERIODS = [7, 30, 90] as const;

/** Per agency: actions, calls and visits as bars side by side, with how many reached the debtor and how many were flagged. */
const IntensityChart = ({ rows }: { rows: TIntensity }) => {
  const t = useTranslations('activity');
  const max = Math.max(1, ...rows.map((r) => r.actions));
  return (
    <div className="space-y-3" data-testid="intensity">
      {rows.length === 0 ? <p className="text-sm text-slate-500">{t('noActivity')}</p> : null}
      {rows.map((r) => (
        <div
          key={r.agencyId}
          className="grid grid-cols-[12rem_1fr] items-center gap-3 text-xs"
          data-testid="intensity-row"
        >
          <div>
            <div className="truncate text-sm text-slate-900">{r.agencyName}</div>
            <div className="text-slate-500">{t('perAgency', { cases: r.cases, actors: r.actors })}</div>
          </div>
          <div className="space-y-1">
            <div className="flex items-center gap-2">
              <span className="h-3 rounded bg-amber-500" style={{ width: `${(r.actions / max) * 80}%` }} />
              <span className="whitespace-nowrap tabular-nums text-slate-700">{t('actions', { n: r.actions })}</span>
            </div>
            <div className="flex items-center gap-2">
              <span className="h-3 rounded bg-sky-500" style={{ width: `${(r.calls / max) * 80}%` }} />
              <span className="whitespace-nowrap tabular-nums text-slate-700">
                {t('calls', { n: r.calls, answered: r.answered })}
              </span>
            </div>
            <div className="flex items-center gap-2">
              <span className="h-3 rounded bg-red-500" style={{ width: `${(r.flagged / max) * 80}%` }} />
              <span className="whitespace-nowrap tabular-nums text-slate-700">{t('flagged', { n: r.flagged })}</span>
            </div>
            <div className="flex items-center gap-2" data-testid="intensity-visits">
              <span className="h-3 rounded bg-emerald-500" style={{ width: `${(r.visits / max) * 80}%` }} />
              <span className="whitespace-nowrap tabular-nums text-slate-700">
                {t('visits', { n: r.visits, flagged: r.visitFlags })}
              </span>
            </div>
          </div>
        </div>
      ))}
    </div>
  );
};

/** The creditor's live view: how each agency works its cases, and every action as it is logged. */
export const ActivityScreen = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const [isFlaggedOnly, setFlaggedOnly] = useState(false);
  const intensity = useQuery({ ...trpc.oversight.intensity.queryOptions({ days }), refetchInterval: 30_000 });
  const feed = useInfiniteQuery(
    trpc.oversight.activity.infiniteQueryOptions(
      { limit: 30, ...(isFlaggedOnly ? { isFlaggedOnly } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, refetchInterval: 30_000, staleTime: 0 },
    ),
  );
  const rows = rowsOf(feed.data);
  return (
    <>
      <PageTitle
        title={t('activity.title')}
        subtitle={t('activity.subtitle')}
        actions={
          <ExportButton request={{ list: 'creditor.activity', filters: isFlaggedOnly ? { isFlaggedOnly } : {} }} />
        }
      />
      <div className="space-y-6">
        <Card
          title={t('activity.byAgency')}
          actions={
            <Select
              aria-label={t('activity.period')}
              value={days}
              onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}
              data-testid="activity-period"
            >
              {PERIODS.map((d) => (
                <option key={d} value={d}>
                  {t('activity.lastDays', { days: d })}
                </option>
              ))}
            </Select>
          }
        >
          <IntensityChart rows={intensity.data ?? []} />
        </Card>
        <Card
          title={t('activity.feed')}
          actions={
            <Filter label="" className="flex items-center gap-2">
              <label className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={isFlaggedOnly}
                  onChange={(e) => setFlaggedOnly(e.target.checked)}
                  data-testid="flagged-only"
                />
                {t('activity.flaggedOnly')}
              </label>
            </Filter>
          }
        >
          <Table
            testId="activity-feed"
            head={[
              t('work.at'),
              t('cases.agency'),
              t('work.by'),
              t('cases.contractNo'),
              t('work.form.channel'),
              t('work.form.outcome'),
              t('work.form.note'),
            ]}
          >
            {feed.isPending ? (
              <EmptyRow colSpan={7}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={7}>{t('activity.noActivity')}</EmptyRow>
            ) : (
              rows.map((a) => (
                <tr key={a.id} data-testid="activity-row">
                  <Td className="font-mono text-xs">{formatDateTime(a.at)}</Td>
                  <Td>{a.agencyName}</Td>
                  <Td>{a.actorName}</Td>
                  <Td className="font-mono text-xs">
                    <Link className="text-amber-700 underline" href={`/creditor/cases/${a.caseId}`}>
                      {a.contractNo}
                    </Link>{' '}
                    <span className="font-sans text-slate-500">{a.debtorName}</span>
                  </Td>
                  <Td>
                    {t(`work.channel.${a.channel}`)} ·{' '}
                    {a.target === 'debtor' ? t('work.debtorShort') : t('work.contactN', { n: a.contactNo ?? 0 })}
                  </Td>
                  <Td>{t(`work.outcome.${a.outcome}`)}</Td>
                  <Td className="text-xs">
                    <ActionNote a={a} width="w-64" />
                  </Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={feed} />
        </Card>
      </div>
    </>
  );
};
