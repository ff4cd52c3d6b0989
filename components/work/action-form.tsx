'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import {
  ACTION_CHANNELS,
  ACTION_OUTCOMES,
  TEMPLATE_CHANNELS,
  type ActionChannel,
  type ActionOutcome,
} from '@/lib/enums';
import type { TVerdict, TWorkCase } from '@/server/api/routers/work/work.schema';
import { formatDateTime, parseAmountToFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';

/** The rulebook's answer, in words: which rules stop the contact and when it may happen, and the flags it would carry. */
export const VerdictNote = ({ verdict, timeZone }: { verdict: TVerdict; timeZone: string }) => {
  const t = useTranslations();
  const values = (v: { nextAllowedAt?: Date | null; values?: Record<string, string | number> }) => ({
    next: formatDateTime(v.nextAllowedAt ?? null, timeZone).slice(0, 16),
    ...(v.values ?? {}),
  });
  return (
    <div className="space-y-1" data-testid="verdict">
      {verdict.allowed ? (
        <Alert tone="success" testId="verdict-allowed">
          {t('work.verdict.allowed', { version: verdict.ruleVersion })}
        </Alert>
      ) : (
        verdict.violations.map((v) => (
          <Alert key={v.rule} testId="verdict-refused">
            {t(`errors.rules.${v.rule}`, values(v))}
          </Alert>
        ))
      )}
      {verdict.flags.map((f) => (
        <Alert key={f.rule} tone="info" testId="verdict-flag">
          {t(`work.flag.${f.rule}`, f.values ?? {})}
        </Alert>
      ))}
    </div>
  );
};

/**
 * Logging an action: the rulebook is asked (canContact) as soon as the channel, the person
 * and the number are chosen, before the collector dials; the server asks again on saving.
 */
export const ActionForm = ({ c }: { c: TWorkCase }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<ActionChannel>('call');
  const [who, setWho] = useState('debtor:0');
  const [outcome, setOutcome] = useState<ActionOutcome>('answered');
  const [note, setNote] = useState('');
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState('');
  const [templateId, setTemplateId] = useState('');
  const needsTemplate = (TEMPLATE_CHANNELS as readonly string[]).includes(channel);
  const approved = useQuery({
    ...trpc.work.templates.queryOptions({ packageId: c.packageId, status: 'approved' }),
    enabled: needsTemplate,
  });
  const usable = (approved.data ?? []).filter((tpl) => tpl.channel === channel);
  const [target, rawIndex] = who.split(':') as ['debtor' | 'contact', string];
  const intent = { caseId: c.id, channel, target, index: Number(rawIndex) };
  // The note is checked for forbidden phrases too, once typing pauses.
  const [checkedNote, setCheckedNote] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setCheckedNote(note), 600);
    return () => clearTimeout(timer);
  }, [note]);
  const verdict = useQuery({
    ...trpc.work.canContact.queryOptions({ ...intent, note: checkedNote }),
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
  const log = useMutation(
    trpc.work.logAction.mutationOptions({
      onSuccess: () => {
        setNote('');
        void queryClient.invalidateQueries({ queryKey: trpc.work.pathKey() });
      },
    }),
  );
  const error = errorInfo(log.error);
  const promiseFen = amount ? parseAmountToFen(amount) : null;
  const submit = () =>
    log.mutate({
      ...intent,
      outcome,
      note,
      ...(needsTemplate && templateId ? { templateId } : {}),
      ...(outcome === 'promise_to_pay' ? { promiseAmount: promiseFen ?? 0, promiseDate: date || undefined } : {}),
    });
  return (
    <div className="space-y-4" data-testid="action-form">
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="action-channel" label={t('work.form.channel')}>
          <Select id="action-channel" value={channel} onChange={(e) => setChannel(e.target.value as ActionChannel)}>
            {ACTION_CHANNELS.filter((ch) => ch !== 'visit').map((ch) => (
              <option key={ch} value={ch}>
                {t(`work.channel.${ch}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="action-who" label={t('work.form.who')}>
          <Select id="action-who" value={who} onChange={(e) => setWho(e.target.value)}>
            {c.phones.map((p) => (
              <option key={`d${p.index}`} value={`debtor:${p.index}`}>
                {t('work.form.debtorNumber', { number: p.masked })}
              </option>
            ))}
            {c.contacts.map((k) => (
              <option key={`c${k.contactNo}`} value={`contact:${k.contactNo}`}>
                {t('work.form.contactNumber', { n: k.contactNo, name: k.name, relation: k.relation, number: k.phone })}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="action-outcome" label={t('work.form.outcome')}>
          <Select id="action-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as ActionOutcome)}>
            {ACTION_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`work.outcome.${o}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {needsTemplate ? (
        <Field
          id="action-template"
          label={t('work.form.template')}
          error={error?.fieldErrors.templateId}
          hint={usable.length === 0 ? t('work.form.noTemplate') : undefined}
        >
          <Select id="action-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">{t('work.form.chooseTemplate')}</option>
            {usable.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      {needsTemplate && templateId ? (
        <p
          className="rounded-md bg-slate-50 p-2 text-sm text-slate-700 ring-1 ring-slate-200"
          data-testid="template-preview"
        >
          {usable.find((tpl) => tpl.id === templateId)?.body}
        </p>
      ) : null}
      {outcome === 'promise_to_pay' ? (
        <div className="grid max-w-md grid-cols-2 gap-3">
          <Field id="promiseAmount" label={t('work.form.promiseAmount')} error={error?.fieldErrors.promiseAmount}>
            <Input id="promiseAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </Field>
          <Field id="promiseDate" label={t('work.form.promiseDate')} error={error?.fieldErrors.promiseDate}>
            <Input id="promiseDate" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
        </div>
      ) : null}
      <Field id="action-note" label={t('work.form.note')} hint={t('work.form.noteHint')}>
        <textarea
          id="action-note"
          rows={3}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      {verdict.data ? <VerdictNote verdict={verdict.data} timeZone={c.timeZone} /> : null}
      {error && Object.keys(error.fieldErrors).length === 0 ? (
        <Alert testId="action-error">{error.message}</Alert>
      ) : null}
      {log.isSuccess ? (
        <Alert tone="success" testId="action-saved">
          {t('work.form.saved')}
        </Alert>
      ) : null}
      <Button onClick={submit} disabled={log.isPending || verdict.data?.allowed === false} data-testid="action-submit">
        {t('work.form.submit')}
      </Button>
    </div>
  );
};
