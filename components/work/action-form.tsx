'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslations } from 'use-intl';
import { ACTION_CHANNELS, ACTION_OUTCOMES, TEMPLATE_CHANNELS } from '@/lib/enums';
import { ZLogActionForm, type TVerdict, type TWorkCase } from '@/server/api/routers/work/work.schema';
import { flagMessage } from '@/lib/flags';
import { formatDateTime } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
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
      {verdict.flags.map((f, i) => {
        const { key, values } = flagMessage(f);
        return (
          <Alert key={`${f.rule}-${i}`} tone="info" testId="verdict-flag">
            {t(`work.flag.${key}`, values)}
          </Alert>
        );
      })}
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
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors },
  } = useZodForm(ZLogActionForm, {
    defaultValues: {
      channel: 'call',
      who: 'debtor:0',
      outcome: 'answered',
      note: '',
      templateId: '',
      promiseAmount: '',
      promiseDate: '',
    },
  });
  const [channel, who, outcome, note, templateId] = watch(['channel', 'who', 'outcome', 'note', 'templateId']);
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
        setValue('note', '');
        void queryClient.invalidateQueries({ queryKey: trpc.work.pathKey() });
      },
    }),
  );
  const error = errorInfo(log.error);
  const message = (name: string) => fieldMessage(errors, error, name);
  return (
    <form
      className="space-y-4"
      data-testid="action-form"
      noValidate
      onSubmit={handleSubmit((action) => log.mutate({ caseId: c.id, ...action }))}
    >
      <div className="grid gap-4 md:grid-cols-3">
        <Field id="action-channel" label={t('work.form.channel')} error={message('channel')}>
          <Select id="action-channel" {...register('channel')}>
            {ACTION_CHANNELS.filter((ch) => ch !== 'visit').map((ch) => (
              <option key={ch} value={ch}>
                {t(`work.channel.${ch}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="action-who" label={t('work.form.who')} error={message('index')}>
          <Select id="action-who" {...register('who')}>
            {c.phones.map((p) => (
              <option key={`d${p.index}`} value={`debtor:${p.index}`}>
                {t('work.form.debtorNumber', { number: p.masked })}
                {p.retiredAt ? ` · ${t('caseChanges.retired')}` : ''}
              </option>
            ))}
            {c.contacts.map((k) => (
              <option key={`c${k.contactNo}`} value={`contact:${k.contactNo}`}>
                {t('work.form.contactNumber', { n: k.contactNo, name: k.name, relation: k.relation, number: k.phone })}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="action-outcome" label={t('work.form.outcome')} error={message('outcome')}>
          <Select id="action-outcome" {...register('outcome')}>
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
          error={message('templateId')}
          hint={usable.length === 0 ? t('work.form.noTemplate') : undefined}
        >
          <Select id="action-template" {...register('templateId')} invalid={Boolean(message('templateId'))}>
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
          <Field id="promiseAmount" label={t('work.form.promiseAmount')} error={message('promiseAmount')}>
            <Input
              id="promiseAmount"
              inputMode="decimal"
              {...register('promiseAmount')}
              invalid={Boolean(message('promiseAmount'))}
            />
          </Field>
          <Field id="promiseDate" label={t('work.form.promiseDate')} error={message('promiseDate')}>
            <Input
              id="promiseDate"
              type="date"
              {...register('promiseDate')}
              invalid={Boolean(message('promiseDate'))}
            />
          </Field>
        </div>
      ) : null}
      <Field id="action-note" label={t('work.form.note')} hint={t('work.form.noteHint')} error={message('note')}>
        <textarea
          id="action-note"
          rows={3}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
          {...register('note')}
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
      <Button type="submit" disabled={log.isPending || verdict.data?.allowed === false} data-testid="action-submit">
        {t('work.form.submit')}
      </Button>
    </form>
  );
};
