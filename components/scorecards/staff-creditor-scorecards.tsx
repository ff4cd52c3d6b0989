'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { CREDITOR_SCORECARD_COMPONENTS as KEYS, CREDITOR_SCORECARD_WEIGHTS as WEIGHTS } from '@/lib/scorecards';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, ORG_STATUS_TONE } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';
import { scoreText } from './score';

/**
 * Staff: every creditor's scorecard of a month, best first, with each component; a
 * platform admin has an ended month computed again (the same job computes the agencies'
 * and the creditors' cards).
 */
export const StaffCreditorScorecards = ({ canCompute }: { canCompute: boolean }) => {
  const t = useTranslations('creditorScores');
  const tr = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(() => shanghaiMonth(-1));
  const query = useQuery({
    ...trpc.scorecards.creditors.month.queryOptions({ month }),
    refetchInterval: (q) => (q.state.data?.isComputing ? 2_000 : false),
  });
  const recompute = useMutation(
    trpc.scorecards.recompute.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.scorecards.creditors.month.queryKey({ month }) }),
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
            <Field id="creditor-scorecard-month" label={t('month')} error={error?.fieldErrors.month}>
              <Input
                id="creditor-scorecard-month"
                type="month"
                value={month}
                onChange={(e) => {
                  if (!e.target.value) return;
                  recompute.reset();
                  setMonth(e.target.value);
                }}
                className="w-40"
                data-testid="creditor-scorecards-month"
              />
            </Field>
            {canCompute ? (
              <Button
                onClick={() => recompute.mutate({ month })}
                disabled={recompute.isPending || d?.isComputing}
                data-testid="creditor-scorecards-recompute"
              >
                {d && d.cards.length > 0 ? t('recompute') : t('compute')}
              </Button>
            ) : null}
          </div>
        }
      >
        {error && !error.fieldErrors.month ? <Alert testId="creditor-scorecards-error">{error.message}</Alert> : null}
        <p className="mb-3 text-sm text-slate-500" data-testid="creditor-scorecards-status">
          {d?.isComputing
            ? t('computing')
            : d?.computedAt
              ? t('lastComputed', { at: formatDateTime(d.computedAt) })
              : d && !d.isEnded
                ? t('notEnded')
                : t('notComputed')}
        </p>
        <Table
          testId="creditor-scorecards-table"
          head={[
            t('creditor'),
            t('score'),
            t('short.month'),
            ...KEYS.map((k) => t(`short.${k}`, { weight: WEIGHTS[k] })),
          ]}
        >
          {(d?.cards ?? []).length === 0 ? (
            <EmptyRow colSpan={KEYS.length + 3}>{t('noCards')}</EmptyRow>
          ) : (
            (d?.cards ?? []).map((c) => (
              <tr key={c.creditorId} data-testid="creditor-scorecard-row">
                <Td className="whitespace-normal">
                  <div className="w-48">
                    <Link
                      className="font-medium text-amber-700 underline"
                      href={`/staff/creditor-scorecards/${c.creditorId}?month=${c.month}`}
                    >
                      {c.creditorName}
                    </Link>
                    {c.creditorStatus !== 'active' ? (
                      <div className="mt-1">
                        <Badge tone={ORG_STATUS_TONE[c.creditorStatus]}>{tr(`orgStatus.${c.creditorStatus}`)}</Badge>
                      </div>
                    ) : null}
                  </div>
                </Td>
                <Td className="font-semibold tabular-nums text-slate-900">{scoreText(c.scoreBp)}</Td>
                <Td className="tabular-nums">{scoreText(c.monthScoreBp)}</Td>
                {KEYS.map((k) => (
                  <Td key={k} className="tabular-nums">
                    {scoreText(c.components[k])}
                  </Td>
                ))}
              </tr>
            ))
          )}
        </Table>
        <p className="mt-3 text-xs text-slate-500">{t('columnsHint')}</p>
      </Card>
    </>
  );
};
