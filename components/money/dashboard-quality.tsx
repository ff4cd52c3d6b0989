'use client';

import { bucketLabel } from '@/lib/cases';
import { useQuery } from '@tanstack/react-query';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTranslations } from 'use-intl';
import { bpToPercent, formatFen, yuanOf } from '@/lib/format';
import { useTRPC } from '../trpc/react';
import { Card } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';

const COLORS = [
  '#d97706',
  '#0284c7',
  '#059669',
  '#7c3aed',
  '#dc2626',
  '#475569',
  '#ca8a04',
  '#0891b2',
  '#16a34a',
  '#9333ea',
  '#e11d48',
  '#334155',
];

/**
 * The dashboard beyond money by month: recovery curves by months since each commission
 * began, open debts by bucket, and per agency the promise-kept rate and rule flags.
 */
export const DashboardQuality = ({ from, to }: { from: string; to: string }) => {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  // Three queries, so that each part shows as soon as it is read.
  const q = {
    agencies: useQuery(trpc.dashboard.promises.queryOptions({ from, to }, { enabled: from <= to })).data,
    ageing: useQuery(trpc.dashboard.ageing.queryOptions()).data,
    curves: useQuery(trpc.dashboard.curves.queryOptions({ from, to }, { enabled: from <= to })).data,
  };
  const curves = q.curves ?? [];
  const longest = Math.max(0, ...curves.map((c) => c.points.length));
  const curveData = Array.from({ length: longest }, (_, i) => ({
    month: t('monthN', { n: i + 1 }),
    ...Object.fromEntries(curves.map((c) => [c.commissionId, c.points[i] ? c.points[i].rateBp / 100 : null])),
  }));
  const ageing = (q.ageing ?? []).map((g) => ({
    bucket: bucketLabel(g.bucket),
    placed: yuanOf(g.placed),
    unplaced: yuanOf(g.outstanding - g.placed),
  }));
  return (
    <>
      <Card title={t('curvesTitle')}>
        <p className="mb-3 text-sm text-slate-500">{t('curvesIntro')}</p>
        {curves.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="curves-empty">
            {t('curvesEmpty')}
          </p>
        ) : (
          <div className="h-72" data-testid="recovery-curves">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={curveData} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis tick={{ fontSize: 12 }} tickFormatter={(v: number) => `${v}%`} width={56} />
                <Tooltip formatter={(v) => `${Number(v).toFixed(2)}%`} />
                <Legend />
                {curves.map((c, i) => (
                  <Line
                    key={c.commissionId}
                    dataKey={c.commissionId}
                    name={`${c.packageName} · ${c.agencyName}`}
                    stroke={COLORS[i % COLORS.length]}
                    strokeWidth={2}
                    dot
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
      <Card title={t('ageingTitle')}>
        <p className="mb-3 text-sm text-slate-500">{t('ageingIntro')}</p>
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="h-64" data-testid="ageing-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={ageing} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="bucket" tick={{ fontSize: 12 }} />
                <YAxis
                  tick={{ fontSize: 12 }}
                  tickFormatter={(v: number) => `¥${v.toLocaleString('zh-CN')}`}
                  width={90}
                />
                <Tooltip formatter={(v) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`} />
                <Legend />
                <Bar dataKey="placed" name={t('withAgency')} stackId="owed" fill="#d97706" isAnimationActive={false} />
                <Bar dataKey="unplaced" name={t('notPlaced')} stackId="owed" fill="#94a3b8" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table testId="ageing-table" head={[t('bucket'), t('cases'), t('outstanding'), t('withAgency')]}>
            {(q.ageing ?? []).length === 0 ? (
              <EmptyRow colSpan={4}>{t('empty')}</EmptyRow>
            ) : (
              (q.ageing ?? []).map((g) => (
                <tr key={g.bucket} data-testid="ageing-row">
                  <Td className="font-mono">{bucketLabel(g.bucket)}</Td>
                  <Td className="tabular-nums">{g.cases.toLocaleString()}</Td>
                  <Td className="tabular-nums">{formatFen(g.outstanding)}</Td>
                  <Td className="tabular-nums">{formatFen(g.placed)}</Td>
                </tr>
              ))
            )}
          </Table>
        </div>
      </Card>
      <Card title={t('qualityTitle')}>
        <p className="mb-3 text-sm text-slate-500">{t('qualityIntro')}</p>
        <Table
          testId="quality-agencies"
          head={[
            t('agency'),
            t('promisesKept'),
            t('promisesBroken'),
            t('keptRate'),
            t('casesPlaced'),
            t('flagged'),
            t('flagsPerThousand'),
          ]}
        >
          {(q.agencies ?? []).length === 0 ? (
            <EmptyRow colSpan={7}>{t('empty')}</EmptyRow>
          ) : (
            (q.agencies ?? []).map((a) => (
              <tr key={a.agencyId} data-testid="quality-agency">
                <Td>{a.agencyName}</Td>
                <Td className="tabular-nums">{a.promisesKept}</Td>
                <Td className="tabular-nums">{a.promisesBroken}</Td>
                <Td className="tabular-nums">
                  {a.promisesKept + a.promisesBroken > 0 ? `${bpToPercent(a.keptRateBp)}%` : '—'}
                </Td>
                <Td className="tabular-nums">{a.casesPlaced.toLocaleString()}</Td>
                <Td className="tabular-nums">{a.flagged.toLocaleString()}</Td>
                <Td className={`tabular-nums ${a.flagsPerThousand > 0 ? 'font-medium text-red-700' : ''}`}>
                  {a.flagsPerThousand.toLocaleString()}
                </Td>
              </tr>
            ))
          )}
        </Table>
      </Card>
    </>
  );
};
