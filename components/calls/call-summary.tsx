'use client';

import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { Fact } from '../ui/fact';
import { EmptyRow, Table, Td } from '../ui/table';

const COLORS = ['#d97706', '#0284c7', '#059669', '#7c3aed', '#dc2626', '#475569'];
/** Series drawn one by one; the rest are added up as "others". */
const SERIES = 5;

/** A share as a percentage with one decimal, or a dash when there is nothing to divide by. */
export const rate = (part: number, whole: number) => (whole === 0 ? '—' : `${((part * 100) / whole).toFixed(1)}%`);
/** How many per 1,000, one decimal. */
export const perThousand = (part: number, whole: number) => (whole === 0 ? '—' : ((part * 1000) / whole).toFixed(1));

/**
 * What the dialers' records showed over the period: totals, calls per day by agency (for a
 * creditor and staff) or by collector (for the agency) as a chart, and the table that
 * compares them: contact rate, violations per 1,000 calls, shadow contacts, phantom actions.
 */
export const CallSummary = ({ from, to }: { from: string; to: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const summary = useQuery(trpc.calls.summary.queryOptions({ from, to }));
  const error = errorInfo(summary.error);
  if (error) return <Alert testId="call-summary-error">{error.message}</Alert>;
  const data = summary.data;
  const unnamed = t('calls.unnamed');
  const names = (data?.rows ?? []).filter((r) => r.calls > 0).map((r) => r.name ?? unnamed);
  const drawn = names.slice(0, SERIES);
  const others = t('calls.others');
  const byDay = new Map<string, Record<string, number | string>>();
  for (const d of data?.days ?? []) {
    const row = byDay.get(d.day) ?? { day: d.day.slice(5) };
    const name = d.name ?? unnamed;
    const series = drawn.includes(name) ? name : others;
    row[series] = Number(row[series] ?? 0) + d.calls;
    byDay.set(d.day, row);
  }
  const series = names.length > SERIES ? [...drawn, others] : drawn;
  const total = data?.total;
  const head = [
    data?.groupBy === 'agent' ? t('calls.collector') : t('calls.agency'),
    t('calls.callCount'),
    t('calls.contactRate'),
    t('calls.violations'),
    t('calls.perThousand'),
    t('calls.flagged'),
    t('calls.shadows'),
    t('calls.phantoms'),
  ];
  return (
    <div className="space-y-4">
      <Card>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="call-totals">
          <Fact label={t('calls.callCount')} testId="call-total-calls">
            {total?.calls ?? '…'}
          </Fact>
          <Fact label={t('calls.contactRate')}>{total ? rate(total.answered, total.calls) : '…'}</Fact>
          <Fact label={t('calls.violations')} testId="call-total-violations">
            {total?.violations ?? '…'}
          </Fact>
          <Fact label={t('calls.perThousand')}>{total ? perThousand(total.violations, total.calls) : '…'}</Fact>
          <Fact label={t('calls.shadows')} testId="call-total-shadows">
            {total?.shadows ?? '…'}
          </Fact>
          <Fact label={t('calls.phantoms')} testId="call-total-phantoms">
            {total?.phantoms ?? '…'}
          </Fact>
        </dl>
      </Card>
      <Card title={t('calls.perDay')}>
        {byDay.size === 0 ? (
          <p className="text-sm text-slate-500">{summary.isPending ? t('common.loading') : t('calls.noCalls')}</p>
        ) : (
          <div className="h-64" data-testid="call-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={[...byDay.values()]} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="day" fontSize={12} />
                <YAxis allowDecimals={false} fontSize={12} />
                <Tooltip />
                <Legend />
                {series.map((name, i) => (
                  <Bar key={name} dataKey={name} stackId="calls" fill={COLORS[i % COLORS.length]} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
      <Card title={data?.groupBy === 'agent' ? t('calls.byCollector') : t('calls.byAgency')}>
        <Table testId="call-summary" head={head}>
          {!data ? (
            <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
          ) : data.rows.length === 0 ? (
            <EmptyRow colSpan={head.length}>{t('calls.noCalls')}</EmptyRow>
          ) : (
            data.rows.map((r) => (
              <tr key={r.key ?? 'none'} data-testid="call-summary-row">
                <Td>{r.name ?? unnamed}</Td>
                <CountCells counts={r} />
              </tr>
            ))
          )}
        </Table>
      </Card>
    </div>
  );
};

type Counts = {
  calls: number;
  answered: number;
  violations: number;
  flagged: number;
  shadows: number;
  phantoms: number;
};

/** The compared figures of one row: calls, contact rate, violations (and per 1,000), forbidden words, shadows, phantoms. */
export const CountCells = ({ counts: c }: { counts: Counts }) => (
  <>
    <Td className="tabular-nums">{c.calls}</Td>
    <Td className="tabular-nums">{rate(c.answered, c.calls)}</Td>
    <Td className="tabular-nums">{c.violations}</Td>
    <Td className="tabular-nums">{perThousand(c.violations, c.calls)}</Td>
    <Td className="tabular-nums">{c.flagged}</Td>
    <Td className="tabular-nums">{c.shadows}</Td>
    <Td className="tabular-nums">{c.phantoms}</Td>
  </>
);
