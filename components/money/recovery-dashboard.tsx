'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import { bpToPercent, formatFen, yuanOf } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';
import { DashboardQuality } from './dashboard-quality';

const COLORS = ['#d97706', '#0284c7', '#059669', '#7c3aed', '#dc2626', '#475569'];

/**
 * The creditor's recovery: confirmed money per month stacked by agency (a chart, with the
 * table beside it), and each agency's recovery rate against what was placed with it.
 */
export const RecoveryDashboard = () => {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const [from, setFrom] = useState(() => shanghaiMonth(-5));
  const [to, setTo] = useState(() => shanghaiMonth(0));
  const query = useQuery(trpc.dashboard.recovery.queryOptions({ from, to }));
  const d = query.data;
  const error = errorInfo(query.error);
  const series = [
    ...(d?.agencies ?? []).filter((a) => a.recovered > 0).map((a) => ({ key: a.agencyId, name: a.agencyName })),
    ...(d && d.direct > 0 ? [{ key: 'direct', name: t('direct') }] : []),
  ];
  const data = (d?.months ?? []).map((m) => ({
    month: m.month,
    ...Object.fromEntries(series.map((s) => [s.key, yuanOf(m.byAgency[s.key] ?? 0)])),
  }));
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <Card
          title={d ? t('total', { amount: formatFen(d.total) }) : t('byMonth')}
          actions={
            <div className="flex items-end gap-2">
              <a
                className="mb-2 mr-2 text-sm font-medium text-amber-700 underline"
                href={`/api/dashboard?from=${from}&to=${to}`}
                data-testid="dashboard-export"
              >
                {t('export')}
              </a>
              <Field id="dash-from" label={t('from')} error={error?.fieldErrors.from}>
                <Input
                  id="dash-from"
                  type="month"
                  value={from}
                  onChange={(e) => e.target.value && setFrom(e.target.value)}
                  className="w-40"
                />
              </Field>
              <Field id="dash-to" label={t('to')}>
                <Input
                  id="dash-to"
                  type="month"
                  value={to}
                  onChange={(e) => e.target.value && setTo(e.target.value)}
                  className="w-40"
                />
              </Field>
            </div>
          }
        >
          {error && !error.fieldErrors.from ? <Alert testId="dashboard-error">{error.message}</Alert> : null}
          <h3 className="mb-2 text-sm font-medium text-slate-700">{t('byMonth')}</h3>
          <div className="h-72" data-testid="recovery-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis
                  tick={{ fontSize: 12 }}
                  tickFormatter={(v: number) => `¥${v.toLocaleString('zh-CN')}`}
                  width={90}
                />
                <Tooltip formatter={(v) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`} />
                <Legend />
                {series.map((s, i) => (
                  <Bar
                    key={s.key}
                    dataKey={s.key}
                    name={s.name}
                    stackId="recovered"
                    fill={COLORS[i % COLORS.length]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table testId="recovery-months" head={[t('month'), t('recovered')]}>
            {(d?.months ?? []).map((m) => (
              <tr key={m.month} data-testid="recovery-month">
                <Td className="font-mono">{m.month}</Td>
                <Td className="tabular-nums">{formatFen(m.total)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t('byAgency')}>
          <Table testId="recovery-agencies" head={[t('agency'), t('cases'), t('placed'), t('recovered'), t('rate')]}>
            {(d?.agencies ?? []).length === 0 ? (
              <EmptyRow colSpan={5}>{t('empty')}</EmptyRow>
            ) : (
              (d?.agencies ?? []).map((a) => (
                <tr key={a.agencyId} data-testid="recovery-agency">
                  <Td>{a.agencyName}</Td>
                  <Td className="tabular-nums">{a.cases}</Td>
                  <Td className="tabular-nums">{formatFen(a.placed)}</Td>
                  <Td className="tabular-nums">{formatFen(a.recovered)}</Td>
                  <Td className="tabular-nums">
                    <div className="flex items-center gap-2">
                      <span
                        className="h-2 rounded bg-emerald-500"
                        style={{ width: `${Math.min(100, a.rateBp / 100) * 1.2}px` }}
                      />
                      {bpToPercent(a.rateBp)}%
                    </div>
                  </Td>
                </tr>
              ))
            )}
          </Table>
        </Card>
        <DashboardQuality from={from} to={to} />
      </div>
    </>
  );
};
