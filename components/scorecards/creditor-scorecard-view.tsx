'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import type {
  TCreditorComponents,
  TCreditorScorecard,
  TCreditorScorecardPage,
} from '@/server/api/routers/scorecards/creditors.schema';
import { formatDateTime } from '@/lib/format';
import {
  CREDITOR_SCORECARD_COMPONENTS as KEYS,
  CREDITOR_SCORECARD_WEIGHTS as WEIGHTS,
  STATEMENT_PAYMENT_WORKING_DAYS,
} from '@/lib/scorecards';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';
import { scoreText } from './score';

/** What each component was computed from, in words. */
const useBasis = () => {
  const t = useTranslations('creditorScores.basis');
  return (key: keyof TCreditorComponents, card: TCreditorScorecard): string => {
    const i = card.inputs;
    switch (key) {
      case 'dataQuality': {
        if (i.ratings.length === 0) return t('noRatings');
        const mean = i.ratings.reduce((a, r) => a + r, 0) / i.ratings.length;
        return t('ratings', { count: i.ratings.length, mean: mean.toFixed(1) });
      }
      case 'answers': {
        const r = i.answers.restructures;
        const h = i.answers.holds ?? { onTime: 0, late: 0 };
        if (r.onTime + r.late + h.onTime + h.late === 0) return t('noAnswers');
        const parts = [r.onTime + r.late > 0 ? t('answers', r) : null, h.onTime + h.late > 0 ? t('holds', h) : null];
        return parts.filter((p) => p !== null).join(t('separator'));
      }
      case 'payments': {
        const s = i.statements;
        return s.onTime + s.late === 0
          ? t('noPayments')
          : t('payments', { ...s, days: STATEMENT_PAYMENT_WORKING_DAYS });
      }
    }
  };
};

/** Downloads the card's inputs, formula version and results: computing that formula version on the inputs gives the results again. */
const exportCard = (creditor: TCreditorScorecardPage['creditor'], card: TCreditorScorecard, fileName: string) => {
  const file = {
    formulaVersion: card.formulaVersion,
    creditor,
    month: card.month,
    inputs: card.inputs,
    result: { components: card.components, monthScoreBp: card.monthScoreBp, scoreBp: card.scoreBp },
    computedAt: card.computedAt,
  };
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
};

/**
 * A creditor's scorecard: the chosen month's score with each component (its weight, its
 * score, the points it gave and what it rests on), the export of its inputs, and the
 * score over the last twelve months as a chart with its table beside it.
 */
export const CreditorScorecardView = ({
  data,
  onMonth,
}: {
  data: TCreditorScorecardPage;
  onMonth: (month: string) => void;
}) => {
  const t = useTranslations('creditorScores');
  const basis = useBasis();
  const card = data.card;
  const trend = data.trend.map((p) => ({ month: p.month, score: p.scoreBp / 100, monthScore: p.monthScoreBp / 100 }));
  return (
    <div className="space-y-6">
      {card ? (
        <Card
          title={t('cardTitle', { month: card.month })}
          actions={
            <Button
              variant="secondary"
              onClick={() =>
                exportCard(data.creditor, card, t('exportFile', { creditor: data.creditor.name, month: card.month }))
              }
              data-testid="creditor-scorecard-export"
            >
              {t('export')}
            </Button>
          }
        >
          <div className="flex flex-wrap items-end gap-8" data-testid="creditor-scorecard-summary">
            <div>
              <div className="text-sm text-slate-500">{t('score')}</div>
              <div
                className="text-4xl font-semibold tabular-nums text-slate-900"
                data-testid="creditor-scorecard-score"
              >
                {scoreText(card.scoreBp)}
              </div>
            </div>
            <div>
              <div className="text-sm text-slate-500">{t('monthScore')}</div>
              <div
                className="text-2xl font-semibold tabular-nums text-slate-700"
                data-testid="creditor-scorecard-month-score"
              >
                {scoreText(card.monthScoreBp)}
              </div>
            </div>
            <div className="text-xs text-slate-500">
              <div>{t('weighting')}</div>
              <div>{t('computedAt', { at: formatDateTime(card.computedAt), version: card.formulaVersion })}</div>
            </div>
          </div>
          <div className="mt-4">
            <Table
              testId="creditor-scorecard-components"
              head={[t('component'), t('weight'), t('componentScore'), t('points'), t('basisTitle')]}
            >
              {KEYS.map((k) => (
                <tr key={k} data-testid={`creditor-component-${k}`}>
                  <Td className="font-medium text-slate-900">{t(`components.${k}`)}</Td>
                  <Td className="tabular-nums">{WEIGHTS[k]}</Td>
                  <Td className="tabular-nums">
                    <div className="flex items-center gap-2">
                      <span className="inline-block h-2 w-24 rounded bg-slate-100">
                        <span
                          className="block h-2 rounded bg-amber-500"
                          style={{ width: `${card.components[k] / 100}%` }}
                        />
                      </span>
                      {scoreText(card.components[k])}
                    </div>
                  </Td>
                  <Td className="tabular-nums">{scoreText((card.components[k] * WEIGHTS[k]) / 100)}</Td>
                  <Td className="text-xs">
                    <div className="w-80 whitespace-normal">{basis(k, card)}</div>
                  </Td>
                </tr>
              ))}
            </Table>
          </div>
        </Card>
      ) : (
        <Card>
          <p className="text-sm text-slate-500" data-testid="creditor-scorecard-none">
            {t('none')}
          </p>
        </Card>
      )}
      <Card title={t('trendTitle')}>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="h-72" data-testid="creditor-scorecard-trend">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={trend} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={40} />
                <Tooltip formatter={(v) => Number(v).toFixed(1)} />
                <Legend />
                <Line
                  dataKey="score"
                  name={t('score')}
                  stroke="#d97706"
                  strokeWidth={2}
                  dot
                  isAnimationActive={false}
                />
                <Line
                  dataKey="monthScore"
                  name={t('monthScore')}
                  stroke="#0284c7"
                  strokeDasharray="4 3"
                  dot
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <Table testId="creditor-scorecard-trend-table" head={[t('month'), t('score'), t('monthScore')]}>
            {data.trend.length === 0 ? (
              <EmptyRow colSpan={3}>{t('noTrend')}</EmptyRow>
            ) : (
              [...data.trend].reverse().map((p) => (
                <tr
                  key={p.month}
                  data-testid="creditor-trend-row"
                  className={p.month === card?.month ? 'bg-amber-50' : undefined}
                >
                  <Td>
                    <button
                      type="button"
                      className="font-mono text-amber-700 underline"
                      onClick={() => onMonth(p.month)}
                    >
                      {p.month}
                    </button>
                  </Td>
                  <Td className="tabular-nums">{scoreText(p.scoreBp)}</Td>
                  <Td className="tabular-nums">{scoreText(p.monthScoreBp)}</Td>
                </tr>
              ))
            )}
          </Table>
        </div>
      </Card>
    </div>
  );
};
