'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import { formatFen, yuanOf } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { Table, Td } from '../ui/table';

const Stat = ({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) => (
  <div className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid={testId}>
    <div className="text-xs text-slate-500">{label}</div>
    <div className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">{value}</div>
    {note ? <div className="mt-0.5 text-xs text-slate-500">{note}</div> : null}
  </div>
);

/** The agency's money at a glance: commission earned, paid and pending; repayments waiting; promises due; and by month, recovered beside commission. */
export const AgencyMoneyScreen = () => {
  const t = useTranslations('agencyMoney');
  const trpc = useTRPC();
  const [from, setFrom] = useState(() => shanghaiMonth(-5));
  const [to, setTo] = useState(() => shanghaiMonth(0));
  const query = useQuery(trpc.dashboard.agency.queryOptions({ from, to }));
  const d = query.data;
  const error = errorInfo(query.error);
  const data = (d?.months ?? []).map((m) => ({
    month: m.month,
    recovered: yuanOf(m.recovered),
    commission: yuanOf(m.commission),
  }));
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      {error ? <Alert testId="agency-money-error">{error.message}</Alert> : null}
      {d ? (
        <div className="space-y-6">
          <div className="grid gap-4 md:grid-cols-4">
            <Stat testId="money-earned" label={t('earned')} value={formatFen(d.commissionEarned)} />
            <Stat
              testId="money-pending"
              label={t('pending')}
              value={formatFen(d.commissionPending)}
              note={t('paid', { amount: formatFen(d.commissionPaid) })}
            />
            <Stat
              testId="money-awaiting"
              label={t('awaiting')}
              value={formatFen(d.awaitingSum)}
              note={t('count', { count: d.awaitingCount })}
            />
            <Stat
              testId="money-promises"
              label={t('promises')}
              value={formatFen(d.promisesDueSum)}
              note={t('count', { count: d.promisesDueCount })}
            />
          </div>
          <Card
            title={t('byMonth')}
            actions={
              <div className="flex items-end gap-2">
                <Field id="money-from" label={t('from')}>
                  <Input
                    id="money-from"
                    type="month"
                    value={from}
                    onChange={(e) => e.target.value && setFrom(e.target.value)}
                    className="w-40"
                  />
                </Field>
                <Field id="money-to" label={t('to')}>
                  <Input
                    id="money-to"
                    type="month"
                    value={to}
                    onChange={(e) => e.target.value && setTo(e.target.value)}
                    className="w-40"
                  />
                </Field>
              </div>
            }
          >
            <div className="h-64" data-testid="agency-money-chart">
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
                  <Bar dataKey="recovered" name={t('recovered')} fill="#0284c7" isAnimationActive={false} />
                  <Bar dataKey="commission" name={t('commission')} fill="#d97706" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table testId="agency-money-months" head={[t('month'), t('recovered'), t('commission')]}>
              {d.months.map((m) => (
                <tr key={m.month} data-testid="agency-money-month">
                  <Td className="font-mono">{m.month}</Td>
                  <Td className="tabular-nums">{formatFen(m.recovered)}</Td>
                  <Td className="tabular-nums">{formatFen(m.commission)}</Td>
                </tr>
              ))}
            </Table>
            <p className="mt-3 text-sm">
              <Link className="text-amber-700 underline" href="/agency/statements">
                {t('toStatements')}
              </Link>
            </p>
          </Card>
        </div>
      ) : null}
    </>
  );
};
