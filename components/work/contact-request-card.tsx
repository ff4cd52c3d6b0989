'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { CONTACT_REQUEST_CHANNELS, LETTERS_ONLY, formatMinutes, parseMinutes } from '@/lib/contact-requests';
import type { ActionChannel } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import type { TContactRequest } from '@/server/api/routers/work/protections.schema';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input } from '../ui/field';

type Translate = ReturnType<typeof useTranslations>;
type Terms = Pick<TContactRequest, 'stoppedChannels' | 'quietFrom' | 'quietTo' | 'quietWorkdaysOnly'>;

/** What a request asks, in words, one part per term: the channels stopped and the quiet hours. */
export const contactTermParts = (t: Translate, r: Terms): string[] => {
  const parts: string[] = [];
  if (r.stoppedChannels.length > 0)
    parts.push(
      t('contactRequest.stopped', {
        channels: r.stoppedChannels.map((c) => t(`work.channel.${c}`)).join(t('contactRequest.listSeparator')),
      }),
    );
  // Quiet hours past midnight (from > to) are the debtor's "only between": said the way it was chosen.
  if (r.quietFrom !== null && r.quietTo !== null)
    parts.push(
      r.quietFrom > r.quietTo
        ? t('contactRequest.onlyBetween', { from: formatMinutes(r.quietTo), to: formatMinutes(r.quietFrom) })
        : t(r.quietWorkdaysOnly ? 'contactRequest.quietWorkdays' : 'contactRequest.quiet', {
            from: formatMinutes(r.quietFrom),
            to: formatMinutes(r.quietTo),
          }),
    );
  return parts;
};

/** What a request asks, in words: the channels stopped and the quiet hours. */
export const ContactRequestTerms = ({ r }: { r: TContactRequest }) => {
  const t = useTranslations();
  const parts = contactTermParts(t, r);
  return (
    <span>{parts.length > 0 ? parts.join(t('contactRequest.partSeparator')) : t('contactRequest.withdrawn')}</span>
  );
};

/** The request in force and the ones before it, newest first. */
const RequestList = ({ requests, timeZone }: { requests: TContactRequest[]; timeZone: string }) => {
  const t = useTranslations('contactRequest');
  const [inForce, ...earlier] = requests;
  if (!inForce) return <p className="text-sm text-slate-500">{t('none')}</p>;
  const line = (r: TContactRequest) => (
    <>
      <ContactRequestTerms r={r} />
      <span className="block text-xs text-slate-500">
        {r.origin === 'debtor'
          ? t('chosenByDebtor', { at: formatDateTime(r.at, timeZone) })
          : t('recorded', {
              at: formatDateTime(r.at, timeZone),
              by: `${r.orgName ?? ''} · ${r.recordedByName ?? ''}`,
            })}
        {r.note ? ` · ${r.note}` : ''}
      </span>
    </>
  );
  return (
    <div className="space-y-2 text-sm">
      <div className="rounded-md bg-sky-50 p-3 text-sky-900 ring-1 ring-sky-200" data-testid="contact-request-in-force">
        <div className="text-xs font-medium">{t('inForce')}</div>
        {line(inForce)}
      </div>
      {earlier.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-xs text-slate-500">{t('earlier', { count: earlier.length })}</summary>
          <ul className="mt-2 space-y-2">
            {earlier.map((r) => (
              <li key={r.id} className="text-slate-600">
                {line(r)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
};

/** Recording what the debtor asked: channels to stop ("letters only" in one click), quiet hours, a note. */
const RecordRequest = ({ caseId }: { caseId: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stopped, setStopped] = useState<ActionChannel[]>([]);
  const [quietFrom, setQuietFrom] = useState('');
  const [quietTo, setQuietTo] = useState('');
  const [workdaysOnly, setWorkdaysOnly] = useState(true);
  const [note, setNote] = useState('');
  const save = useMutation(
    trpc.work.contactRequest.mutationOptions({
      onSuccess: async () => {
        setStopped([]);
        setQuietFrom('');
        setQuietTo('');
        setNote('');
        await queryClient.invalidateQueries({ queryKey: trpc.work.pathKey() });
      },
    }),
  );
  const error = errorInfo(save.error);
  const toggle = (c: ActionChannel) => setStopped((s) => (s.includes(c) ? s.filter((x) => x !== c) : [...s, c]));
  const submit = () =>
    save.mutate({
      caseId,
      stoppedChannels: stopped,
      quietFrom: quietFrom ? parseMinutes(quietFrom) : null,
      quietTo: quietTo ? parseMinutes(quietTo) : null,
      quietWorkdaysOnly: workdaysOnly,
      note,
    });
  return (
    <form
      className="mt-4 space-y-3 border-t border-slate-100 pt-4"
      noValidate
      data-testid="contact-request-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t('contactRequest.stopChannels')}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {CONTACT_REQUEST_CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={stopped.includes(c)}
                onChange={() => toggle(c)}
                data-testid={`stop-${c}`}
              />
              {t(`work.channel.${c}`)}
            </label>
          ))}
          <button
            type="button"
            className="text-xs text-amber-700 underline"
            onClick={() => setStopped([...LETTERS_ONLY])}
            data-testid="letters-only"
          >
            {t('contactRequest.lettersOnly')}
          </button>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <Field id="quiet-from" label={t('contactRequest.quietFrom')}>
          <Input id="quiet-from" type="time" value={quietFrom} onChange={(e) => setQuietFrom(e.target.value)} />
        </Field>
        <Field id="quiet-to" label={t('contactRequest.quietTo')} error={error?.fieldErrors.quietTo}>
          <Input id="quiet-to" type="time" value={quietTo} onChange={(e) => setQuietTo(e.target.value)} />
        </Field>
        <label className="flex items-center gap-1.5 pb-2 text-sm">
          <input type="checkbox" checked={workdaysOnly} onChange={(e) => setWorkdaysOnly(e.target.checked)} />
          {t('contactRequest.workdaysOnly')}
        </label>
      </div>
      <Field id="request-note" label={t('contactRequest.note')} error={error?.fieldErrors.note}>
        <Input
          id="request-note"
          value={note}
          maxLength={500}
          placeholder={t('contactRequest.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
          data-testid="request-note"
        />
      </Field>
      {error && !error.fieldErrors.quietTo && !error.fieldErrors.note ? (
        <Alert testId="contact-request-error">{error.message}</Alert>
      ) : null}
      <Button type="submit" disabled={save.isPending} data-testid="contact-request-save">
        {t('contactRequest.save')}
      </Button>
    </form>
  );
};

/**
 * The debtor's own requests about being contacted: the one in force (which the rulebook
 * enforces for every agency holding the case) and the ones before it; the agency records new ones.
 */
export const ContactRequestCard = ({
  caseId,
  requests,
  timeZone,
  canRecord,
}: {
  caseId: string;
  requests: TContactRequest[];
  timeZone: string;
  canRecord: boolean;
}) => {
  const t = useTranslations('contactRequest');
  return (
    <Card title={t('title')}>
      <p className="mb-3 text-xs text-slate-500">{t('intro')}</p>
      <RequestList requests={requests} timeZone={timeZone} />
      {canRecord ? <RecordRequest caseId={caseId} /> : null}
    </Card>
  );
};
