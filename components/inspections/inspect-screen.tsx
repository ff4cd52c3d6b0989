'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import type { TInspectionDetail, TInspectionView } from '@/server/api/routers/inspections/inspections.schema';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Fact } from '../ui/fact';
import { Input, Textarea } from '../ui/field';
import { CallRecording } from './call-recording';
import { blankFollowUp, followUpInput, FollowUpForm, type FollowUpDraft } from './follow-up';
import type { InspectionPortal } from './inspection-queue';
import { ReasonBadges, scoreText } from './reason-badges';

type Criterion = TInspectionDetail['form']['criteria'][number];
type Mark = { passed: boolean; note: string };

type RuleHit = { rule: string; values?: Record<string, string | number> | undefined };

const RuleHits = ({ hits, tone }: { hits: RuleHit[]; tone: 'red' | 'amber' }) => {
  const t = useTranslations('calls');
  const locale = useLocale();
  return (
    <ul className="space-y-1">
      {hits.map((h, i) => {
        const family = locale === 'en' ? h.values?.familyEn : h.values?.family;
        const detail = [family, h.values?.phrase ? `“${h.values.phrase}”` : null, h.values?.next]
          .filter((v) => v !== undefined && v !== null && v !== '')
          .join(' · ');
        return (
          <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={tone}>{t.has(`rule.${h.rule}`) ? t(`rule.${h.rule}`) : h.rule}</Badge>
            {detail ? <span className="text-xs text-slate-600">{detail}</span> : null}
          </li>
        );
      })}
    </ul>
  );
};

/** An inspection already made: every criterion's mark and note, the score and the fatal items. */
const ScoredSheet = ({ view, criteria, title }: { view: TInspectionView; criteria: Criterion[]; title: string }) => {
  const t = useTranslations('inspections');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const label = (key: string) => criteria.find((c) => c.key === key)?.label[locale] ?? key;
  return (
    <Card
      title={title}
      actions={
        view.fatalFailed.length > 0 ? (
          <Badge tone="red">{t('fatalN', { count: view.fatalFailed.length })}</Badge>
        ) : (
          <Badge tone="green">{t('scoreN', { score: scoreText(view.scoreBp) })}</Badge>
        )
      }
    >
      <p className="mb-3 text-xs text-slate-500" data-testid="inspection-by">
        {t('inspectedBy', { name: view.inspectorName, at: formatDateTime(view.createdAt), version: view.formVersion })}
      </p>
      <ul className="divide-y divide-slate-100" data-testid="scored-sheet">
        {view.scores.map((s) => (
          <li key={s.key} className="flex items-start justify-between gap-3 py-2 text-sm">
            <span>
              {label(s.key)}
              {s.note ? <span className="block text-xs text-slate-500">{s.note}</span> : null}
            </span>
            <Badge tone={s.passed ? 'green' : view.fatalFailed.includes(s.key) ? 'red' : 'amber'}>
              {s.passed ? t('passed') : t('failed')}
            </Badge>
          </li>
        ))}
      </ul>
      {view.note ? <p className="mt-3 text-sm text-slate-700">{view.note}</p> : null}
      {view.sanctionId ? (
        <Link
          className="mt-3 inline-block text-sm text-amber-700 underline"
          href={`/staff/sanctions/${view.sanctionId}`}
          data-testid="inspection-sanction-link"
        >
          {t('viewSanction')}
        </Link>
      ) : null}
    </Card>
  );
};

/**
 * Inspecting one call: listen, read the transcript and the rule check, mark every criterion
 * of the form passed or failed (a failed one says why). A fatal item failed scores 0; staff
 * may then propose a sanction citing the inspection or file a complaint citing the call.
 */
export const InspectScreen = ({ recordId, portal }: { recordId: string; portal: InspectionPortal }) => {
  const t = useTranslations('inspections');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const query = useQuery(trpc.inspections.get.queryOptions({ recordId }));
  const [marks, setMarks] = useState<Record<string, Mark>>({});
  const [note, setNote] = useState('');
  const [followUp, setFollowUp] = useState<FollowUpDraft>(blankFollowUp);
  const inspect = useMutation(
    trpc.inspections.inspect.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.inspections.pathKey() });
      },
    }),
  );
  const d = query.data;
  const loadError = errorInfo(query.error);
  if (loadError) return <Alert testId="inspection-error">{loadError.message}</Alert>;
  if (!d) return <p className="text-sm text-slate-500">{tc('loading')}</p>;
  const error = errorInfo(inspect.error);
  const markOf = (key: string): Mark => marks[key] ?? { passed: true, note: '' };
  const setMark = (key: string, patch: Partial<Mark>) =>
    setMarks((m) => ({ ...m, [key]: { ...markOf(key), ...patch } }));
  const criteria = d.form.criteria;
  const fatalFailed = criteria.filter((c) => c.fatal && !markOf(c.key).passed);
  const earned = criteria.filter((c) => markOf(c.key).passed).reduce((s, c) => s + c.weight, 0);
  const preview = fatalFailed.length > 0 ? 0 : earned * 100;
  const canFollowUp = d.side === 'platform' && fatalFailed.length > 0;
  const submit = () =>
    inspect.mutate({
      recordId,
      formVersion: d.form.version,
      scores: criteria.map((c) => ({ key: c.key, ...markOf(c.key) })),
      note,
      followUp: canFollowUp ? followUpInput(followUp) : null,
    });
  const noteError = (i: number) => error?.fieldErrors[`scores.${i}.note`]?.[0];
  const c = d.call;
  return (
    <>
      <PageTitle
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="inspect-title">{t('inspectTitle', { contractNo: c.contractNo })}</span>
            <ReasonBadges reasons={d.reasons} />
          </span>
        }
        subtitle={portal === 'staff' ? c.agencyName : undefined}
        actions={
          <Link href={`/${portal}/inspections`} className="text-sm text-amber-700 underline">
            {t('backToQueue')}
          </Link>
        }
      />
      <div className="grid gap-4 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-2">
          <Card title={t('callTitle')}>
            <dl className="mb-4 grid grid-cols-2 gap-3">
              <Fact label={t('startedAt')}>{formatDateTime(c.startedAt)}</Fact>
              <Fact label={t('duration')}>{t('seconds', { s: c.durationS })}</Fact>
              <Fact label={t('collector')}>{c.agentName ?? c.agentRef ?? '—'}</Fact>
              <Fact label={t('party')}>
                <span className="font-mono">{c.partyMasked}</span>
                {c.target ? <span className="block text-xs text-slate-500">{t(`target.${c.target}`)}</span> : null}
              </Fact>
              <Fact label={t('directionLabel')}>{t(`direction.${c.direction}`)}</Fact>
              <Fact label={t('dispositionLabel')}>{t(`disposition.${c.disposition}`)}</Fact>
            </dl>
            <CallRecording fileId={d.recordingFileId} />
          </Card>
          <Card title={t('checkTitle')}>
            {d.check ? (
              d.check.violations.length + d.check.flags.length === 0 ? (
                <p className="text-sm text-emerald-700">{t('checkClean')}</p>
              ) : (
                <div className="space-y-2" data-testid="call-check">
                  {d.check.violations.length > 0 ? <RuleHits hits={d.check.violations} tone="red" /> : null}
                  {d.check.flags.length > 0 ? <RuleHits hits={d.check.flags} tone="amber" /> : null}
                </div>
              )
            ) : (
              <p className="text-sm text-slate-500">{t('noCheck')}</p>
            )}
          </Card>
          <Card title={t('transcriptTitle')}>
            {c.transcript ? (
              <p className="text-sm leading-6 whitespace-pre-wrap text-slate-800" data-testid="transcript">
                {c.transcript}
              </p>
            ) : (
              <p className="text-sm text-slate-500">{t('noTranscript')}</p>
            )}
          </Card>
        </div>
        <div className="space-y-4 lg:col-span-3">
          {d.mine ? (
            <ScoredSheet view={d.mine} criteria={criteria} title={t('myInspection')} />
          ) : (
            <Card
              title={t('formTitle', { version: d.form.version })}
              actions={
                <span className="text-sm font-medium tabular-nums" data-testid="score-preview">
                  {fatalFailed.length > 0 ? (
                    <Badge tone="red">{t('fatalN', { count: fatalFailed.length })}</Badge>
                  ) : (
                    t('scoreN', { score: scoreText(preview) })
                  )}
                </span>
              }
            >
              <ol className="space-y-3">
                {criteria.map((cr, i) => {
                  const m = markOf(cr.key);
                  return (
                    <li
                      key={cr.key}
                      className={`rounded-md p-3 ring-1 ${m.passed ? 'ring-slate-200' : cr.fatal ? 'bg-red-50/60 ring-red-300' : 'bg-amber-50/60 ring-amber-300'}`}
                      data-testid={`criterion-${cr.key}`}
                    >
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <div>
                          <p className="text-sm font-medium text-slate-900">
                            {cr.label[locale]} {cr.fatal ? <Badge tone="red">{t('fatal')}</Badge> : null}
                            <span className="ml-1 text-xs text-slate-500">{t('weightN', { weight: cr.weight })}</span>
                          </p>
                          <p className="mt-0.5 text-xs text-slate-500">{cr.guidance[locale]}</p>
                        </div>
                        <div className="flex gap-1">
                          <Button
                            variant={m.passed ? 'primary' : 'secondary'}
                            onClick={() => setMark(cr.key, { passed: true })}
                            data-testid={`pass-${cr.key}`}
                          >
                            {t('passed')}
                          </Button>
                          <Button
                            variant={m.passed ? 'secondary' : 'danger'}
                            onClick={() => setMark(cr.key, { passed: false })}
                            data-testid={`fail-${cr.key}`}
                          >
                            {t('failed')}
                          </Button>
                        </div>
                      </div>
                      {!m.passed ? (
                        <div className="mt-2">
                          <Input
                            aria-label={t('failNote')}
                            placeholder={t('failNote')}
                            value={m.note}
                            invalid={noteError(i) !== undefined}
                            onChange={(e) => setMark(cr.key, { note: e.target.value })}
                            data-testid={`note-${cr.key}`}
                          />
                          {noteError(i) ? <p className="mt-1 text-xs text-red-600">{noteError(i)}</p> : null}
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
              <div className="mt-4 space-y-3">
                <Textarea
                  aria-label={t('overallNote')}
                  placeholder={t('overallNote')}
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  data-testid="inspection-note"
                />
                {d.side === 'agency' && fatalFailed.length > 0 ? (
                  <Alert tone="info">{t('agencyFatalHint')}</Alert>
                ) : null}
                {canFollowUp ? (
                  <FollowUpForm draft={followUp} onChange={setFollowUp} fieldErrors={error?.fieldErrors ?? {}} />
                ) : null}
                {error ? <Alert testId="inspect-error">{error.message}</Alert> : null}
                <div className="flex justify-end">
                  <Button onClick={submit} disabled={inspect.isPending} data-testid="submit-inspection">
                    {inspect.isPending ? tc('saving') : t('submit')}
                  </Button>
                </div>
              </div>
            </Card>
          )}
          {d.complaint ? (
            <Alert tone="info" testId="inspection-complaint">
              <Link className="underline" href={`/staff/complaints/${d.complaint.id}`}>
                {t('complaintFiled', { reference: d.complaint.reference })}
              </Link>
            </Alert>
          ) : null}
          {d.others.map((o) => (
            <ScoredSheet
              key={o.id}
              view={o}
              criteria={criteria}
              title={t(`otherSide.${o.side === 'platform' ? 'platform' : 'agency'}`)}
            />
          ))}
        </div>
      </div>
    </>
  );
};
