'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, ORG_STATUS_TONE } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';
import { ExportButton } from './export-button';
import { COMPONENT_KEYS as KEYS, scoreText, WEIGHTS } from './score';

/**
 * Staff: every agency's scorecard of a month, best first, with each component and the
 * export of its inputs; a platform admin has an ended month computed again.
 */
export const StaffScorecards = ({ canCompute }: { canCompute: boolean }) => {
  const t = useTranslations('scorecards');
  const tr = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(() => shanghaiMonth(-1));
  const query = useQuery({
    ...trpc.scorecards.month.queryOptions({ month }),
    refetchInterval: (q) => (q.state.data?.isComputing ? 2_000 : false),
  });
  const recompute = useMutation(
    trpc.scorecards.recompute.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.scorecards.month.queryKey({ month }) }),
    }),
  );
  const d = query.data;
  const error = errorInfo(query.error) ?? errorInfo(recompute.error);
  return (
    <>
      <PageTitle title={t('staffTitle')} subtitle={t('staffSubtitle')} />
      <Card
        title={t('monthTitle', { month })}
        actions={
          <div className="flex items-end gap-3">
            <Field id="scorecard-month" label={t('month')} error={error?.fieldErrors.month}>
              <Input
                id="scorecard-month"
                type="month"
                value={month}
                onChange={(e) => {
                  if (!e.target.value) return;
                  recompute.reset();
                  setMonth(e.target.value);
                }}
                className="w-40"
              />
            </Field>
            {canCompute ? (
              <Button
                onClick={() => recompute.mutate({ month })}
                disabled={recompute.isPending || d?.isComputing}
                data-testid="scorecards-recompute"
              >
                {d && d.cards.length > 0 ? t('recompute') : t('compute')}
              </Button>
            ) : null}
          </div>
        }
      >
        {error && !error.fieldErrors.month ? <Alert testId="scorecards-error">{error.message}</Alert> : null}
        <p className="mb-3 text-sm text-slate-500" data-testid="scorecards-status">
          {d?.isComputing
            ? t('computing')
            : d?.computedAt
              ? t('lastComputed', { at: formatDateTime(d.computedAt) })
              : d && !d.isEnded
                ? t('notEnded')
                : t('notComputed')}
        </p>
        <Table
          testId="scorecards-table"
          head={[
            t('agency'),
            t('score'),
            t('short.month'),
            ...KEYS.map((k) => t(`short.${k}`, { weight: WEIGHTS[k] })),
            '',
          ]}
        >
          {(d?.cards ?? []).length === 0 ? (
            <EmptyRow colSpan={KEYS.length + 4}>{t('noCards')}</EmptyRow>
          ) : (
            (d?.cards ?? []).map((c) => (
              <tr key={c.agencyId} data-testid="scorecard-row">
                <Td className="whitespace-normal">
                  <div className="w-44">
                    <Link
                      className="font-medium text-amber-700 underline"
                      href={`/staff/scorecards/${c.agencyId}?month=${c.month}`}
                    >
                      {c.agencyName}
                    </Link>
                    {c.agencyStatus !== 'active' ? (
                      <div className="mt-1">
                        <Badge tone={ORG_STATUS_TONE[c.agencyStatus]}>{tr(`orgStatus.${c.agencyStatus}`)}</Badge>
                      </div>
                    ) : null}
                  </div>
                </Td>
                <Td className="font-semibold tabular-nums text-slate-900">{scoreText(c.scoreBp)}</Td>
                <Td className="tabular-nums">
                  {scoreText(c.monthScoreBp)}
                  {c.isZeroed ? <span className="ml-1 text-xs text-red-600">{t('zeroedShort')}</span> : null}
                </Td>
                {KEYS.map((k) => (
                  <Td key={k} className="tabular-nums">
                    {scoreText(c.components[k])}
                  </Td>
                ))}
                <Td>
                  <ExportButton agencyId={c.agencyId} agencyName={c.agencyName} month={c.month} isCompact />
                </Td>
              </tr>
            ))
          )}
        </Table>
        <p className="mt-3 text-xs text-slate-500">{t('columnsHint')}</p>
      </Card>
    </>
  );
};
