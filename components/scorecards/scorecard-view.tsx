'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslations } from 'use-intl';
import type { TAgencyScorecard, TComponents, TScorecard } from '@/server/api/routers/scorecards/scorecards.schema';
import { formatDateTime, formatFen } from '@/lib/format';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';
import { ExportButton } from './export-button';
import { COMPONENT_KEYS as KEYS, scoreText, WEIGHTS } from './score';

const perThousand = (n: number, of: number) => ((n * 1000) / of).toFixed(1);
const percent = (n: number, of: number) => `${((n * 100) / of).toFixed(1)}%`;

/** What each component was computed from, in words: a line per measure (formula v3 adds call records and inspections). */
const useBasis = () => {
  const t = useTranslations('scorecards.basis');
  return (key: keyof TComponents, card: TScorecard): string[] => {
    const i = card.inputs;
    const calls = i.calls;
    switch (key) {
      case 'ratings': {
        if (i.ratings.length === 0) return [t('noRatings')];
        const mean = i.ratings.reduce((a, r) => a + r, 0) / i.ratings.length;
        return [t('ratings', { count: i.ratings.length, mean: mean.toFixed(1) })];
      }
      case 'recovery':
        return [
          card.figures.expectedRecovery > 0
            ? t('recovery', {
                recovered: formatFen(card.figures.recovered),
                expected: formatFen(card.figures.expectedRecovery),
                count: i.commissions.length,
              })
            : t('noRecovery'),
        ];
      case 'reporting': {
        const r = i.reporting;
        const visits = r.visitsOnTime + r.visitsLate + r.evidenceOnTime + r.evidenceLate > 0;
        const hasCalls = calls !== undefined && calls.outboundRecords + calls.loggedContacts > 0;
        if (!visits && !hasCalls) return [t(calls ? 'noReportingCalls' : 'noReporting')];
        const lines = [visits ? t('reporting', r) : t('noVisits')];
        if (!calls) return lines;
        if (!hasCalls) return [...lines, t('noCallRecords')];
        lines.push(
          calls.outboundRecords > 0
            ? t('shadow', {
                records: calls.outboundRecords,
                shadow: calls.shadowContacts,
                share: percent(calls.shadowContacts, calls.outboundRecords),
              })
            : t('noOutboundRecords'),
        );
        lines.push(
          calls.loggedContacts > 0
            ? t('phantom', {
                logged: calls.loggedContacts,
                phantom: calls.phantomActions,
                share: percent(calls.phantomActions, calls.loggedContacts),
              })
            : t('noLoggedContacts'),
        );
        return lines;
      }
      case 'compliance': {
        const lines = [
          t('compliance', {
            cases: card.figures.cases,
            flagged: i.compliance.flaggedActions,
            upheld: i.compliance.upheldComplaints,
            abuse: i.compliance.upheldAbuse,
          }),
        ];
        if (calls) {
          lines.push(
            calls.outboundCalls > 0
              ? t('violations', {
                  calls: calls.outboundCalls,
                  violations: calls.violations,
                  rate: perThousand(calls.violations, calls.outboundCalls),
                })
              : t('noCalls'),
          );
        }
        const ins = i.inspections;
        if (ins) {
          lines.push(
            ins.byPlatform > 0
              ? t('inspections', {
                  count: ins.byPlatform,
                  average: scoreText(ins.averageScoreBp),
                  fatal: ins.fatalFindings,
                })
              : t('noInspections'),
          );
          if (ins.byAgency > 0) lines.push(t('ownInspections', { count: ins.byAgency }));
        }
        return lines;
      }
      case 'responsiveness':
        return [
          i.responsiveness.answersOnTime + i.responsiveness.answersLate === 0
            ? t('noAnswers')
            : t('responsiveness', i.responsiveness),
        ];
    }
  };
};

const Stat = ({ label, bp, className, testId }: { label: string; bp: number; className: string; testId: string }) => (
  <div>
    <div className="text-sm text-slate-500">{label}</div>
    <div className={`font-semibold tabular-nums ${className}`} data-testid={testId}>
      {scoreText(bp)}
    </div>
  </div>
);

/**
 * An agency's scorecard: the chosen month's score with each component (its weight, its
 * score, the points it gave and what it rests on), the export of its inputs, and the
 * trend of the last twelve months as a chart with its table beside it.
 */
export const ScorecardView = ({ data, onMonth }: { data: TAgencyScorecard; onMonth: (month: string) => void }) => {
  const t = useTranslations('scorecards');
  const basis = useBasis();
  const card = data.card;
  const trend = data.trend.map((p) => ({ month: p.month, score: p.scoreBp / 100, monthScore: p.monthScoreBp / 100 }));
  return (
    <div className="space-y-6">
      {card ? (
        <Card
          title={t('cardTitle', { month: card.month })}
          actions={<ExportButton agencyId={data.agency.id} agencyName={data.agency.name} month={card.month} />}
        >
          <div className="flex flex-wrap items-end gap-8" data-testid="scorecard-summary">
            <Stat label={t('score')} bp={card.scoreBp} className="text-4xl text-slate-900" testId="scorecard-score" />
            <Stat
              label={t('monthScore')}
              bp={card.monthScoreBp}
              className="text-2xl text-slate-700"
              testId="scorecard-month-score"
            />
            <div className="text-xs text-slate-500">
              <div>{t('weighting')}</div>
              <div>{t('computedAt', { at: formatDateTime(card.computedAt), version: card.formulaVersion })}</div>
            </div>
            {card.isZeroed ? (
              <div data-testid="scorecard-zeroed">
                <Badge tone="red">{t('zeroed')}</Badge>
              </div>
            ) : null}
          </div>
          <div className="mt-4">
            <Table
              testId="scorecard-components"
              head={[t('component'), t('weight'), t('componentScore'), t('points'), t('basisTitle')]}
            >
              {KEYS.map((k) => (
                <tr key={k} data-testid={`component-${k}`}>
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
                    <div className="w-96 space-y-0.5 whitespace-normal">
                      {basis(k, card).map((line) => (
                        <div key={line}>{line}</div>
                      ))}
                    </div>
                  </Td>
                </tr>
              ))}
            </Table>
            <p className="mt-3 text-xs text-slate-500" data-testid="scorecard-formula">
              {t(card.formulaVersion >= 3 ? 'formula.v3' : 'formula.v2', { version: card.formulaVersion })}
            </p>
          </div>
        </Card>
      ) : (
        <Card>
          <p className="text-sm text-slate-500" data-testid="scorecard-none">
            {t('none')}
          </p>
        </Card>
      )}
      <Card title={t('trendTitle')}>
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="h-72" data-testid="scorecard-trend">
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
          <Table testId="scorecard-trend-table" head={[t('month'), t('score'), t('monthScore')]}>
            {data.trend.length === 0 ? (
              <EmptyRow colSpan={3}>{t('noTrend')}</EmptyRow>
            ) : (
              [...data.trend].reverse().map((p) => (
                <tr
                  key={p.month}
                  data-testid="trend-row"
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
                  <Td className="tabular-nums">
                    {scoreText(p.monthScoreBp)}
                    {p.isZeroed ? <span className="ml-1 text-xs text-red-600">{t('zeroedShort')}</span> : null}
                  </Td>
                </tr>
              ))
            )}
          </Table>
        </div>
      </Card>
    </div>
  );
};
