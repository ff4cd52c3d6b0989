'use client';

import { useTranslations } from 'use-intl';
import type { TCasePlans } from '@/server/api/routers/work/work.schema';
import { formatDate, formatFen } from '@/lib/format';
import { Badge, type Tone } from '../ui/badge';
import { Card } from '../ui/card';
import { Table, Td } from '../ui/table';

type Plan = NonNullable<TCasePlans['plan']>;

const PLAN_TONE: Record<Plan['status'], Tone> = {
  active: 'blue',
  completed: 'green',
  broken: 'red',
  superseded: 'slate',
};
const INSTALMENT_TONE: Record<Plan['instalments'][number]['status'], Tone> = {
  due: 'slate',
  partly_paid: 'amber',
  paid: 'green',
  missed: 'red',
};

/**
 * The case's repayment plan as both sides read it: each instalment with its due date, the
 * last day of its grace, the amount, what is paid of it and when, and whether the plan is in
 * force, paid in full or broken; earlier plans below, each with how it ended.
 */
export const PlanCard = ({ plans }: { plans: TCasePlans }) => {
  const t = useTranslations('plan');
  const p = plans.plan;
  return (
    <Card
      title={t('title')}
      actions={
        p ? (
          <span data-testid="plan-status">
            <Badge tone={PLAN_TONE[p.status]}>{t(`status.${p.status}`)}</Badge>
          </span>
        ) : null
      }
    >
      {p ? (
        <div className="space-y-3" data-testid="plan">
          <p className="text-sm text-slate-700">
            {t('summary', {
              kind: t(`kind.${p.kind}`),
              total: formatFen(p.totalAmount),
              approvedAt: formatDate(p.approvedAt),
            })}
            {p.repaidBefore > 0 ? ` · ${t('repaidBefore', { amount: formatFen(p.repaidBefore) })}` : ''}
          </p>
          {p.status === 'broken' && p.brokenOn ? (
            <p className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200" data-testid="plan-broken">
              {t('broken', { date: p.brokenOn, no: p.missedInstalmentNo ?? 0 })}
            </p>
          ) : null}
          {p.status === 'completed' ? <p className="text-sm text-emerald-700">{t('completed')}</p> : null}
          {p.status === 'active' ? (
            <p className="text-xs text-slate-500" data-testid="plan-grace">
              {t('grace', { days: p.graceDays })}
            </p>
          ) : null}
          <Table
            testId="plan-instalments"
            head={[t('no'), t('dueDate'), t('graceUntil'), t('amount'), t('paid'), t('paidOn'), t('statusLabel')]}
          >
            {p.instalments.map((i) => (
              <tr key={i.no} data-testid="plan-instalment" data-status={i.status}>
                <Td>{t('noValue', { no: i.no })}</Td>
                <Td className="font-mono text-xs">{i.dueDate}</Td>
                <Td className="font-mono text-xs text-slate-500">{i.lastDayOfGrace}</Td>
                <Td className="font-mono">{formatFen(i.amount)}</Td>
                <Td className="font-mono">{formatFen(i.paidAmount)}</Td>
                <Td className="font-mono text-xs">{i.paidOn ?? '—'}</Td>
                <Td>
                  <Badge tone={INSTALMENT_TONE[i.status]}>{t(`instalmentStatus.${i.status}`)}</Badge>
                </Td>
              </tr>
            ))}
          </Table>
        </div>
      ) : (
        <p className="text-sm text-slate-500" data-testid="plan-none">
          {t('none')}
        </p>
      )}
      {plans.earlier.length > 0 ? (
        <div className="mt-4">
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t('earlier')}</h3>
          <ul className="space-y-1 text-sm text-slate-600" data-testid="plan-earlier">
            {plans.earlier.map((e) => (
              <li key={e.id}>
                {t('earlierLine', {
                  approvedAt: formatDate(e.approvedAt),
                  kind: t(`kind.${e.kind}`),
                  total: formatFen(e.totalAmount),
                  status: t(`status.${e.status}`),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
};

/** The case's flag while its plan is broken (no newer plan approved). */
export const PlanBrokenBadge = ({ brokenOn }: { brokenOn: string | null }) => {
  const t = useTranslations('plan');
  return brokenOn ? (
    <span data-testid="plan-broken-flag">
      <Badge tone="red">{t('brokenFlag', { date: brokenOn })}</Badge>
    </span>
  ) : null;
};
