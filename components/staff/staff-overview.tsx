'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import { TIERS } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { DueCell } from '../complaints/complaint-status';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';

const BANDS = ['a', 'b', 'c', 'low', 'none'] as const;

const Tile = ({
  label,
  value,
  href,
  tone = 'slate',
  testId,
}: {
  label: string;
  value: number | string;
  href?: string;
  tone?: 'slate' | 'red';
  testId: string;
}) => {
  const body = (
    <div className={`rounded-md bg-white p-3 ring-1 ${tone === 'red' ? 'ring-red-300' : 'ring-slate-200'}`}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd
        className={`mt-1 text-2xl font-semibold tabular-nums ${tone === 'red' ? 'text-red-700' : 'text-slate-900'}`}
        data-testid={testId}
      >
        {value}
      </dd>
    </div>
  );
  return href ? (
    <Link href={href} className="block hover:opacity-90">
      {body}
    </Link>
  ) : (
    body
  );
};

/**
 * The platform's desk: admissions waiting, complaints by their next deadline (overdue in
 * red), bans waiting for a second approver and sanctions in force, the admitted agencies
 * by tier and latest score, and the rule flags of the last six months as a chart.
 */
export const StaffOverviewPanel = () => {
  const t = useTranslations('staffOverview');
  const tc = useTranslations('complaints');
  const trpc = useTRPC();
  const query = useQuery(trpc.supervision.overview.queryOptions());
  const o = query.data;
  const error = errorInfo(query.error);
  if (error) return <Alert>{error.message}</Alert>;
  if (!o) return null;
  const cell = (tier: string | null, band: string) =>
    o.agencies.find((a) => a.tier === tier && a.band === band)?.count ?? 0;
  const tiers = [...TIERS, null] as const;
  return (
    <div className="mb-6 space-y-4" data-testid="staff-overview">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Tile
          label={t('admissionsWaiting')}
          value={o.admissions.submitted + o.admissions.underReview}
          href="/staff/admission"
          testId="overview-admissions"
        />
        <Tile
          label={t('infoRequested')}
          value={o.admissions.infoRequested}
          href="/staff/admission"
          testId="overview-info-requested"
        />
        <Tile
          label={t('complaintsOpen')}
          value={o.complaints.open}
          href="/staff/complaints"
          testId="overview-complaints-open"
        />
        <Tile
          label={t('complaintsOverdue')}
          value={o.complaints.overdue}
          href="/staff/complaints"
          tone={o.complaints.overdue > 0 ? 'red' : 'slate'}
          testId="overview-complaints-overdue"
        />
        <Tile
          label={t('bansAwaiting')}
          value={o.sanctions.bansAwaitingApproval}
          href="/staff/sanctions"
          tone={o.sanctions.bansAwaitingApproval > 0 ? 'red' : 'slate'}
          testId="overview-bans-awaiting"
        />
        <Tile label={t('complaintsWeek')} value={o.complaints.receivedThisWeek} testId="overview-complaints-week" />
      </dl>
      {o.admissions.oldestSubmittedAt ? (
        <p className="text-xs text-slate-500">
          {t('oldestAdmission', { at: formatDateTime(o.admissions.oldestSubmittedAt) })}
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-2">
        <Card title={t('nextDueTitle')}>
          <Table testId="overview-next-due" head={[tc('reference'), tc('agency'), tc('statusLabel'), tc('nextDue')]}>
            {o.complaints.nextDue.length === 0 ? (
              <EmptyRow colSpan={4}>{t('noOpenComplaints')}</EmptyRow>
            ) : (
              o.complaints.nextDue.map((c) => (
                <tr key={c.id} className={c.overdue.length > 0 ? 'bg-red-50/60' : undefined}>
                  <Td>
                    <Link className="font-mono text-xs text-amber-700 underline" href={`/staff/complaints/${c.id}`}>
                      {c.reference}
                    </Link>
                    <span className="block text-xs text-slate-500">{tc(`category.${c.category}`)}</span>
                  </Td>
                  <Td className="text-xs">{c.agencyName ?? '—'}</Td>
                  <Td className="text-xs">{tc(`status.${c.status}`)}</Td>
                  <DueCell dueAt={c.dueAt} overdue={c.overdue} />
                </tr>
              ))
            )}
          </Table>
        </Card>
        <Card title={t('flagsTitle')}>
          <div style={{ height: 220 }} data-testid="overview-flags-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={o.flags} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend />
                <Bar dataKey="actions" name={t('flagsActions')} fill="#d97706" />
                <Bar dataKey="visits" name={t('flagsVisits')} fill="#0284c7" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <Table testId="overview-flags" head={[t('month'), t('flagsActions'), t('flagsVisits')]}>
            {o.flags.map((f) => (
              <tr key={f.month}>
                <Td className="font-mono text-xs">{f.month}</Td>
                <Td className="tabular-nums">{f.actions}</Td>
                <Td className="tabular-nums">{f.visits}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t('agenciesTitle')}>
          <Table testId="overview-agencies" head={[t('tier'), ...BANDS.map((b) => t(`band.${b}`))]}>
            {tiers.map((tier) => (
              <tr key={tier ?? 'none'}>
                <Td>{tier ? t('tierLabel', { tier }) : t('noTier')}</Td>
                {BANDS.map((b) => (
                  <Td key={b} className="tabular-nums">
                    {cell(tier, b)}
                  </Td>
                ))}
              </tr>
            ))}
          </Table>
        </Card>
        <Card title={t('sanctionsTitle')}>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
            {o.sanctions.inForce.map((s) => (
              <Tile
                key={s.kind}
                label={t(`sanction.${s.kind}`)}
                value={s.count}
                testId={`overview-sanction-${s.kind}`}
              />
            ))}
          </dl>
        </Card>
      </div>
    </div>
  );
};
