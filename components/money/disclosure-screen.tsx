'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import { ZMonthInput, type TDisclosureFigures } from '@/server/api/routers/disclosure/disclosure.schema';
import { bpToPercent, formatDateTime, formatFen, yuanOf } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';

const percent = (bp: number) => `${bpToPercent(bp)}%`;

/** The key figures of a month, as labelled tiles. */
export const DisclosureFigureTiles = ({ f }: { f: TDisclosureFigures }) => {
  const t = useTranslations('disclosure');
  const tiles = [
    [
      'underCollection',
      t('casesAmount', {
        cases: f.underCollection.cases.toLocaleString(),
        amount: formatFen(f.underCollection.amount),
      }),
    ],
    [
      'placements',
      t('casesAmount', { cases: f.placements.cases.toLocaleString(), amount: formatFen(f.placements.amount) }),
    ],
    ['recovered', formatFen(f.recovered.amount)],
    ['rate', percent(f.recovered.rateBp)],
    ['repayments', f.recovered.repayments.toLocaleString()],
    ['settled', f.settledCases.toLocaleString()],
    ['unrecoverable', f.unrecoverableCases.toLocaleString()],
    ['commission', formatFen(f.recovered.commission)],
    ['agencyCount', f.agencies.length.toLocaleString()],
  ] as const;
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3" data-testid="disclosure-figures">
      {tiles.map(([key, value]) => (
        <div key={key} className="min-w-0 break-words rounded-md bg-white p-3 ring-1 ring-slate-200">
          <dt className="text-xs text-slate-500">{t(key)}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums text-slate-900" data-testid={`disclosure-${key}`}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
};

/** The month's complaints about collection and what came of them, by category. */
export const DisclosureComplaints = ({ f }: { f: TDisclosureFigures }) => {
  const t = useTranslations('disclosure');
  const tc = useTranslations('complaints');
  const c = f.complaints;
  const head = [t('complaintCategory'), t('complaintsReceived'), t('complaintsUpheld'), t('complaintsDismissed')];
  return (
    <div className="space-y-3" data-testid="disclosure-complaints">
      <p className="text-sm text-slate-700">
        {t('complaintsSummary', { received: c.received, upheld: c.upheld, dismissed: c.dismissed, open: c.openAtEnd })}
      </p>
      <Table testId="disclosure-complaints-table" isStacked head={head}>
        {c.byCategory.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('noComplaints')}</EmptyRow>
        ) : (
          c.byCategory.map((r) => (
            <tr key={r.category}>
              <Td className="max-md:font-medium max-md:text-slate-900">{tc(`category.${r.category}`)}</Td>
              <Td className="tabular-nums" label={t('complaintsReceived')}>
                {r.received.toLocaleString()}
              </Td>
              <Td className="tabular-nums" label={t('complaintsUpheld')}>
                {r.upheld.toLocaleString()}
              </Td>
              <Td className="tabular-nums" label={t('complaintsDismissed')}>
                {r.dismissed.toLocaleString()}
              </Td>
            </tr>
          ))
        )}
      </Table>
    </div>
  );
};

/** Agencies (or creditors) of the month: what was placed with each, what came back, the rate. */
export const DisclosurePartyTable = ({
  rows,
  who,
  testId,
}: {
  rows: TDisclosureFigures['agencies'];
  who: string;
  testId: string;
}) => {
  const t = useTranslations('disclosure');
  const head = [who, t('cases'), t('amount'), t('recovered'), t('rate')];
  return (
    <Table testId={testId} isStacked head={head}>
      {rows.length === 0 ? (
        <EmptyRow colSpan={head.length}>{t('none')}</EmptyRow>
      ) : (
        rows.map((r) => (
          <tr key={r.id} data-testid={`${testId}-row`}>
            <Td className="max-md:font-medium max-md:text-slate-900">{r.name}</Td>
            <Td className="tabular-nums" label={t('cases')}>
              {r.cases.toLocaleString()}
            </Td>
            <Td className="tabular-nums" label={t('amount')}>
              {formatFen(r.amount)}
            </Td>
            <Td className="tabular-nums" label={t('recovered')}>
              {formatFen(r.recovered)}
            </Td>
            <Td className="tabular-nums" label={t('rate')}>
              {percent(r.rateBp)}
            </Td>
          </tr>
        ))
      )}
    </Table>
  );
};

const RecoveredChart = ({ rows }: { rows: TDisclosureFigures['agencies'] }) => {
  const t = useTranslations('disclosure');
  const data = rows.filter((r) => r.recovered > 0).map((r) => ({ name: r.name, recovered: yuanOf(r.recovered) }));
  if (data.length === 0) return null;
  return (
    <div style={{ height: Math.max(140, data.length * 44 + 60) }} data-testid="disclosure-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={(v: number) => `¥${v.toLocaleString('zh-CN')}`} />
          <YAxis type="category" dataKey="name" tick={{ fontSize: 12 }} width={200} />
          <Tooltip formatter={(v) => `¥${Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`} />
          <Bar dataKey="recovered" name={t('recovered')} fill="#d97706" maxBarSize={28} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
};

/**
 * The monthly collection disclosure: the creditor's own (with publication on the public
 * page), or the platform-wide one for staff; downloadable as PDF and Excel.
 */
export const DisclosureScreen = ({ platform, canPublish }: { platform: boolean; canPublish: boolean }) => {
  const t = useTranslations('disclosure');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(() => shanghaiMonth(-1));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZMonthInput, { defaultValues: { month } });
  const query = useQuery(trpc.disclosure.get.queryOptions({ month }));
  const publish = useMutation(
    trpc.disclosure.publish.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.disclosure.get.pathKey() }),
    }),
  );
  const d = query.data;
  const error = errorInfo(query.error) ?? errorInfo(publish.error);
  return (
    <>
      <PageTitle
        title={platform ? t('platformTitle') : t('title')}
        subtitle={platform ? t('platformSubtitle') : t('subtitle')}
      />
      <div className="space-y-6">
        <Card>
          <form
            className="flex flex-wrap items-end gap-3"
            noValidate
            onSubmit={handleSubmit((values) => {
              publish.reset();
              setMonth(values.month);
            })}
          >
            <Field id="disclosure-month" label={t('month')} error={errors.month?.message}>
              <Input
                id="disclosure-month"
                type="month"
                {...register('month')}
                invalid={Boolean(errors.month)}
                className="w-44"
              />
            </Field>
            <Button type="submit" data-testid="disclosure-show">
              {t('show')}
            </Button>
            {d ? (
              <div className="ml-auto flex items-center gap-4 text-sm">
                <a
                  className="font-medium text-amber-700 underline"
                  href={`/api/disclosures/${month}?format=pdf`}
                  data-testid="disclosure-pdf"
                >
                  {t('downloadPdf')}
                </a>
                <a
                  className="font-medium text-amber-700 underline"
                  href={`/api/disclosures/${month}?format=xlsx`}
                  data-testid="disclosure-xlsx"
                >
                  {t('downloadXlsx')}
                </a>
              </div>
            ) : null}
          </form>
        </Card>
        {error ? <Alert testId="disclosure-error">{error.message}</Alert> : null}
        {d ? (
          <>
            <DisclosureFigureTiles f={d.figures} />
            {!platform ? (
              <Card>
                {d.published ? (
                  <div className="flex flex-wrap items-center gap-4 text-sm" data-testid="disclosure-published">
                    <span className="text-emerald-700">
                      {t('publishedAt', { at: formatDateTime(d.published.publishedAt) })}
                    </span>
                    <Link className="text-amber-700 underline" href={`/disclosures/${d.published.id}`}>
                      {t('viewPublic')}
                    </Link>
                  </div>
                ) : canPublish ? (
                  <div className="flex flex-wrap items-center gap-3">
                    <Button
                      onClick={() => publish.mutate({ month })}
                      disabled={publish.isPending}
                      data-testid="disclosure-publish"
                    >
                      {t('publish')}
                    </Button>
                    <span className="text-xs text-slate-500">{t('publishHint')}</span>
                  </div>
                ) : null}
              </Card>
            ) : null}
            <Card title={t('agenciesTitle')}>
              <div className="space-y-4">
                <RecoveredChart rows={d.figures.agencies} />
                <DisclosurePartyTable rows={d.figures.agencies} who={t('agency')} testId="disclosure-agencies" />
              </div>
            </Card>
            {platform ? (
              <Card title={t('creditorsTitle')}>
                <DisclosurePartyTable rows={d.figures.creditors} who={t('creditor')} testId="disclosure-creditors" />
              </Card>
            ) : null}
            <Card title={t('complaintsTitle')}>
              <DisclosureComplaints f={d.figures} />
            </Card>
            <p className="text-xs text-slate-500">{t('definitions')}</p>
          </>
        ) : null}
      </div>
    </>
  );
};
