'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import type { TCallEvidence } from '@/server/api/routers/call-evidence/call-evidence.schema';
import { SHANGHAI_TIME_ZONE } from '@/lib/dates';
import { flagMessage } from '@/lib/flags';
import { bpToPercent, formatBytes, formatDateTime } from '@/lib/format';
import { UploadError, uploadFile } from '../files/upload';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { Fact } from '../ui/fact';
import { Field } from '../ui/field';
import { ProgressBar } from '../ui/progress';
import { RecordingPlayer } from './recording-player';

export type CallPortal = 'agency' | 'creditor' | 'staff';

/** The record's start, answer and end, in the debtor's time zone and in Beijing time. */
const Times = ({ c }: { c: TCallEvidence }) => {
  const t = useTranslations('callEvidence');
  const rows = [
    ['started', c.startedAt],
    ['answered', c.answeredAt],
    ['ended', c.endedAt],
  ] as const;
  return (
    <table className="text-sm" data-testid="call-times">
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="pr-6 font-normal">{t('times')}</th>
          <th className="pr-6 font-normal">{t('debtorTime', { zone: c.timeZone })}</th>
          <th className="font-normal">{t('beijingTime')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, at]) => (
          <tr key={key}>
            <td className="pr-6 text-slate-500">{t(key)}</td>
            <td className="pr-6 font-mono">{formatDateTime(at, c.timeZone)}</td>
            <td className="font-mono">{formatDateTime(at, SHANGHAI_TIME_ZONE)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** The rulebook's verdict: the hard rules the call broke and the flags it carries, in the words logged actions use. */
const CheckCard = ({ c }: { c: TCallEvidence }) => {
  const t = useTranslations();
  const check = c.check;
  return (
    <Card title={t('callEvidence.check.title')}>
      {!check ? (
        <p className="text-sm text-slate-500">{t('callEvidence.check.none')}</p>
      ) : (
        <div className="space-y-2" data-testid="call-check">
          <p className="text-xs text-slate-500">{t('callEvidence.check.version', { version: check.ruleVersion })}</p>
          {check.violations.length === 0 && check.flags.length === 0 ? (
            <Alert tone="success">{t('callEvidence.check.clean')}</Alert>
          ) : null}
          {check.violations.map((v, i) => (
            <Alert key={`${v.rule}-${i}`} testId="call-violation">
              {t(`errors.rules.${v.rule}`, v.values ?? {})}
            </Alert>
          ))}
          {check.flags.map((f, i) => {
            const { key, values } = flagMessage(f);
            return (
              <Alert key={`${f.rule}-${i}`} tone="info" testId="call-flag">
                {t(`work.flagged.${key}`, values)}
              </Alert>
            );
          })}
        </div>
      )}
    </Card>
  );
};

/** The transcript as the dialer sent it, each forbidden phrase marked with its family. */
const TranscriptCard = ({ c }: { c: TCallEvidence }) => {
  const t = useTranslations('callEvidence.transcript');
  const locale = useLocale();
  const hits = (c.transcript ?? []).filter((p) => p.hit).length;
  return (
    <Card title={t('title')} actions={hits > 0 ? <Badge tone="red">{t('hits', { count: hits })}</Badge> : null}>
      {c.transcript ? (
        <p className="text-sm leading-7 whitespace-pre-wrap text-slate-800" data-testid="call-transcript">
          {c.transcript.map((p, i) =>
            p.hit ? (
              <mark
                key={i}
                className="rounded bg-red-100 px-0.5 text-red-800"
                title={t('hit', { family: locale === 'en' ? p.hit.familyEn : p.hit.family })}
                data-testid="transcript-hit"
              >
                {p.text}
              </mark>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t('none')}</p>
      )}
    </Card>
  );
};

const InspectionsCard = ({ c }: { c: TCallEvidence }) => {
  const t = useTranslations('callEvidence.inspections');
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  return (
    <Card title={t('title')}>
      {c.inspections.length === 0 ? (
        <p className="text-sm text-slate-500">{t('none')}</p>
      ) : (
        <ul className="space-y-2" data-testid="call-inspections">
          {c.inspections.map((i) => (
            <li key={i.id} className="space-y-1 rounded-md p-2 text-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone="slate">{t(`side.${i.side}`)}</Badge>
                <Badge tone={i.fatalFailed.length > 0 ? 'red' : 'green'}>
                  {t('score', { score: bpToPercent(i.scoreBp) })}
                </Badge>
                {i.fatalFailed.length > 0 ? (
                  <span className="text-red-700">
                    {t('fatal', { items: i.fatalFailed.map((f) => f.label[locale]).join('、') })}
                  </span>
                ) : null}
              </div>
              {i.note ? <p className="text-slate-700">{i.note}</p> : null}
              <p className="text-xs text-slate-500">
                {t('by', { name: i.inspectorName, at: formatDateTime(i.createdAt), version: i.formVersion })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
};

/** The agency's supervisor sends the call's recording: uploaded as any file, then attached (once). */
const RecordingUpload = ({ recordId }: { recordId: string }) => {
  const t = useTranslations('callEvidence.recording');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const attach = useMutation(trpc.callEvidence.attachRecording.mutationOptions());
  const [current, setCurrent] = useState<{ name: string; progress: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (file: File) => {
    setError(null);
    setCurrent({ name: file.name, progress: 0 });
    try {
      const stored = await uploadFile(file, (progress) => setCurrent({ name: file.name, progress }));
      await attach.mutateAsync({ recordId, fileId: stored.id });
      await queryClient.invalidateQueries({ queryKey: trpc.callEvidence.get.queryKey({ recordId }) });
    } catch (e) {
      setError((e instanceof UploadError ? e.info : errorInfo(e))?.message ?? String(e));
    }
    setCurrent(null);
  };
  return (
    <div className="space-y-2" data-testid="recording-upload">
      <Field id="recording-file" label={t('upload')} hint={t('uploadHint')}>
        <input
          id="recording-file"
          type="file"
          accept="audio/*,.amr,.m4a"
          disabled={current !== null}
          className="block text-sm"
          data-testid="recording-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }}
        />
      </Field>
      {current ? (
        <ProgressBar
          value={current.progress}
          label={t('uploading', { name: current.name, percent: Math.round(current.progress * 100) })}
          testId="recording-progress"
        />
      ) : null}
      {attach.isSuccess && !current ? <Alert tone="success">{t('saved')}</Alert> : null}
      {error ? <Alert testId="recording-error">{error}</Alert> : null}
    </div>
  );
};

const RecordingCard = ({ c }: { c: TCallEvidence }) => {
  const t = useTranslations('callEvidence.recording');
  const r = c.recording;
  return (
    <Card title={t('title')}>
      {r ? (
        <div className="space-y-2 text-sm" data-testid="call-recording">
          <RecordingPlayer fileId={r.fileId} />
          <p className="text-xs text-slate-600">
            {t('attached', { size: formatBytes(r.size), mime: r.mime, at: formatDateTime(r.attachedAt) })}
          </p>
          <p className="font-mono text-xs break-all text-slate-600">
            {t('hash')} {r.sha256}
          </p>
          <a className="text-amber-700 underline" href={`/api/files/${r.fileId}?download=1`}>
            {t('download')}
          </a>
        </div>
      ) : (
        <p className="text-sm text-slate-500">{t('none')}</p>
      )}
      {c.canAttachRecording ? (
        <div className="mt-3 border-t border-slate-100 pt-3">
          <RecordingUpload recordId={c.id} />
        </div>
      ) : null}
    </Card>
  );
};

const Facts = ({ children }: { children: ReactNode }) => (
  <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</dl>
);

/**
 * The page of one call, alike for the agency, the creditor and staff: the dialer's record
 * (the other party's number masked), the rule check, the shadow-contact flag, the transcript,
 * inspections and the recording.
 */
export const CallScreen = ({ recordId, portal }: { recordId: string; portal: CallPortal }) => {
  const t = useTranslations('callEvidence');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const query = useQuery(trpc.callEvidence.get.queryOptions({ recordId }));
  const error = errorInfo(query.error);
  if (error) return <Alert>{error.message}</Alert>;
  const c = query.data;
  if (!c) return <p className="text-sm text-slate-500">{tc('loading')}</p>;
  const minutes = Math.floor(c.durationS / 60);
  return (
    <div className="space-y-4" data-testid="call-screen">
      <PageTitle
        title={c.kind === 'call' ? t('title') : t('titleSms')}
        subtitle={t('subtitle', { agency: c.agencyName, externalId: c.externalId })}
        actions={
          c.case ? (
            c.isShadow ? (
              <span data-testid="call-shadow">
                <Badge tone="red">{t('shadow')}</Badge>
              </span>
            ) : (
              <Badge tone="green">{t('paired')}</Badge>
            )
          ) : null
        }
      />
      <Card title={t('record')}>
        <div className="space-y-4">
          <Facts>
            <Fact label={t('result')} testId="call-disposition">
              <Badge tone={c.disposition === 'answered' || c.disposition === 'delivered' ? 'green' : 'slate'}>
                {t(`disposition.${c.disposition}`)}
              </Badge>{' '}
              {t(`kind.${c.kind}`)} · {t(`direction.${c.direction}`)}
            </Fact>
            <Fact label={t('party')} testId="call-party">
              <span className="font-mono">{c.partyMasked}</span>
              {c.case?.target ? (
                <span className="ml-2 text-slate-500">
                  {t(`target.${c.case.target}`, {
                    n: c.case.target === 'debtor' ? (c.case.partyNo ?? 0) + 1 : (c.case.partyNo ?? 0),
                  })}
                </span>
              ) : null}
            </Fact>
            <Fact label={t('line')}>
              <span className="font-mono">{c.lineNo}</span>
            </Fact>
            <Fact label={t('agent')} testId="call-agent">
              {c.agent.name ?? t('agentUnknown')}
              {c.agent.ref ? <span className="ml-2 text-slate-500">{t('agentRef', { ref: c.agent.ref })}</span> : null}
            </Fact>
            <Fact label={t('duration')}>{t('durationValue', { minutes, seconds: c.durationS - minutes * 60 })}</Fact>
            <Fact label={t('case')} testId="call-case">
              {c.case ? (
                c.case.canOpen ? (
                  <Link className="text-amber-700 underline" href={`/${portal}/cases/${c.case.id}`}>
                    {c.case.contractNo}
                  </Link>
                ) : (
                  c.case.contractNo
                )
              ) : (
                <span className="text-slate-500">{t('unmatched')}</span>
              )}
            </Fact>
          </Facts>
          <Times c={c} />
          {c.body !== null ? (
            <div>
              <p className="text-xs text-slate-500">{t('smsBody')}</p>
              <p className="text-sm whitespace-pre-wrap">{c.body}</p>
            </div>
          ) : null}
        </div>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {c.kind === 'call' ? <RecordingCard c={c} /> : null}
        <CheckCard c={c} />
      </div>
      <TranscriptCard c={c} />
      <InspectionsCard c={c} />
    </div>
  );
};
