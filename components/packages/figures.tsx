'use client';

import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import type { ZFigures } from '@/server/api/routers/packages/packages.schema';
import { formatFen } from '@/lib/format';
import { Card } from '../ui/card';

type Figures = z.infer<typeof ZFigures>;

import { bucketLabel } from '@/lib/cases';

export { bucketLabel };

/** Horizontal bars: one row per group, its share of the cases and its amount. */
const Bars = ({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: { label: string; count: number; amount: number }[];
  testId: string;
}) => {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div data-testid={testId}>
      <h3 className="mb-2 text-sm font-medium text-slate-700">{title}</h3>
      <ul className="space-y-1.5">
        {rows.map((r) => (
          <li key={r.label} className="grid grid-cols-[4.5rem_1fr_7rem] items-center gap-2 text-xs">
            <span className="truncate text-slate-600">{r.label}</span>
            <span className="h-3 rounded bg-slate-100">
              <span className="block h-3 rounded bg-amber-500" style={{ width: `${(r.count / max) * 100}%` }} />
            </span>
            <span className="text-right tabular-nums text-slate-700">
              {r.count.toLocaleString()} · {formatFen(r.amount)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
};

/** A package's figures: totals and its distribution by overdue bucket and by province. */
export const FiguresCard = ({ figures, title }: { figures: Figures; title?: string }) => {
  const t = useTranslations();
  const buckets = Object.entries(figures.byBucket)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([k, v]) => ({ label: bucketLabel(k), ...v }));
  const provinces = Object.entries(figures.byProvince)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([k, v]) => ({ label: k ? t(`province.${k}`) : t('packages.figures.noProvince'), ...v }));
  const stats = [
    [t('packages.figures.caseCount'), figures.caseCount.toLocaleString()],
    [t('packages.figures.totalOverdue'), formatFen(figures.totalOverdue)],
    [t('packages.figures.totalPrincipal'), formatFen(figures.totalPrincipal)],
    [t('packages.figures.avgDays'), t('packages.figures.days', { days: figures.avgDaysOverdue })],
  ];
  return (
    <Card title={title ?? t('packages.figures.title')}>
      <dl className="mb-5 grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="package-figures">
        {stats.map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <Bars title={t('packages.figures.byBucket')} rows={buckets} testId="figures-by-bucket" />
        <Bars title={t('packages.figures.byProvince')} rows={provinces} testId="figures-by-province" />
      </div>
      {figures.asOf && (
        <p className="mt-4 text-xs text-slate-500" data-testid="figures-as-of">
          {t('packages.figures.asOf', { day: figures.asOf })}
        </p>
      )}
    </Card>
  );
};
