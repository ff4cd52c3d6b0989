'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import {
  DEBTOR_CONTACT_CHANNELS,
  formatMinutes,
  parseMinutes,
  type ContactChoice,
  type ContactChoiceKind,
  type DebtorContactChannel,
} from '@/lib/contact-requests';
import { formatDateTime } from '@/lib/format';
import type { TDebtorOverview } from '@/server/api/routers/debtor/debtor.schema';
import { errorInfo } from '../trpc/errors';
import { contactTermParts } from '../work/contact-request-card';
import { useTRPCClient } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input } from '../ui/field';

type InForce = NonNullable<TDebtorOverview['contactChoice']>;

/** The request in force, in the debtor's words. */
const useDescribe = () => {
  const t = useTranslations();
  return (r: InForce) => {
    const c = r.choice;
    switch (c.kind) {
      case 'oneChannel':
        return t('debtor.contact.described.oneChannel', { channel: t(`debtor.contact.channel.${c.channel}`) });
      case 'notAtWork':
      case 'hours':
        return t(`debtor.contact.described.${c.kind}`, { from: formatMinutes(c.from), to: formatMinutes(c.to) });
      case 'writing':
        return t('debtor.contact.described.writing');
      case 'other': {
        // Terms an agency recorded that no single choice makes: said plainly.
        const parts = contactTermParts(t, r);
        return t('debtor.contact.described.other', { terms: parts.join(t('contactRequest.partSeparator')) });
      }
    }
  };
};

const DEFAULT_HOURS = { notAtWork: ['09:00', '18:00'], hours: ['18:00', '21:00'] } as const;

/** Two times of day, from and to, side by side even on a phone. */
const Hours = ({
  value,
  onChange,
  error,
}: {
  value: readonly [string, string];
  onChange: (v: [string, string]) => void;
  error: { from?: string[] | undefined; to?: string[] | undefined };
}) => {
  const t = useTranslations('debtor.contact');
  return (
    <div className="grid grid-cols-2 gap-3">
      <Field id="contact-from" label={t('from')} error={error.from}>
        <Input
          id="contact-from"
          type="time"
          value={value[0]}
          invalid={Boolean(error.from)}
          onChange={(e) => onChange([e.target.value, value[1]])}
        />
      </Field>
      <Field id="contact-to" label={t('to')} error={error.to}>
        <Input
          id="contact-to"
          type="time"
          value={value[1]}
          invalid={Boolean(error.to)}
          onChange={(e) => onChange([value[0], e.target.value])}
        />
      </Field>
    </div>
  );
};

/**
 * How the debtor wants to be contacted, in a few taps: one way only, not at work, only at
 * chosen hours, in writing only, or back to the platform's rules. The choice holds for
 * every agency holding the loan from the moment it is saved (the rule engine refuses the rest).
 */
export const DebtorContactChoice = ({ overview: o }: { overview: TDebtorOverview }) => {
  const t = useTranslations('debtor.contact');
  const describe = useDescribe();
  const router = useRouter();
  const client = useTRPCClient();
  const inForce = o.contactChoice;
  const [open, setOpen] = useState(!inForce);
  const [kind, setKind] = useState<ContactChoiceKind | null>(null);
  const [channel, setChannel] = useState<DebtorContactChannel | null>(null);
  const [hours, setHours] = useState<{ notAtWork: [string, string]; hours: [string, string] }>({
    notAtWork: [...DEFAULT_HOURS.notAtWork],
    hours: [...DEFAULT_HOURS.hours],
  });
  const save = useMutation({
    mutationFn: (choice: ContactChoice) => client.debtor.chooseContact.mutate(choice),
    onSuccess: () => {
      setOpen(false);
      setKind(null);
      router.refresh();
    },
  });
  const error = errorInfo(save.error);
  const choice = ((): ContactChoice | null => {
    if (kind === 'oneChannel') return channel ? { kind, channel } : null;
    if (kind === 'notAtWork' || kind === 'hours') {
      // An unreadable time goes to the server as -1: it names the field.
      const [from, to] = hours[kind].map((v) => parseMinutes(v) ?? (v === '24:00' ? 1440 : -1));
      return { kind, from: from ?? -1, to: to === 0 ? 1440 : (to ?? -1) };
    }
    return kind ? { kind } : null;
  })();
  const kinds: ContactChoiceKind[] = ['oneChannel', 'notAtWork', 'hours', 'writing'];
  if (inForce) kinds.push('withdraw');
  const fieldError = { from: error?.fieldErrors.from, to: error?.fieldErrors.to };
  return (
    <Card title={t('title')}>
      <div className="space-y-3" data-testid="debtor-contact-choice">
        <p className="text-sm text-slate-600">{t('intro')}</p>
        {inForce ? (
          <div
            className="rounded-md bg-sky-50 p-3 text-sm text-sky-900 ring-1 ring-sky-200"
            data-testid="contact-in-force"
          >
            <div className="text-xs font-medium">{t('inForce')}</div>
            <div className="font-medium">{describe(inForce)}</div>
            <div className="text-xs text-sky-800">
              {t('since', { at: formatDateTime(inForce.at).slice(0, 16) })}
              {inForce.origin === 'agency' ? ` ${t('byAgency')}` : ''}
            </div>
          </div>
        ) : (
          <p className="text-sm text-slate-700" data-testid="contact-none">
            {t('none')}
          </p>
        )}
        {save.isSuccess && !open ? (
          <Alert tone="success" testId="contact-saved">
            {t('saved')}
          </Alert>
        ) : null}
        {open ? (
          <form
            className="space-y-2"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (choice) save.mutate(choice);
            }}
          >
            {kinds.map((k) => (
              <div
                key={k}
                className={`rounded-lg p-3 ring-1 ${kind === k ? 'bg-amber-50 ring-2 ring-amber-500' : 'ring-slate-200'}`}
              >
                <label className="flex cursor-pointer items-start gap-3" data-testid={`contact-option-${k}`}>
                  <input
                    type="radio"
                    name="contact-kind"
                    className="mt-1 h-4 w-4"
                    checked={kind === k}
                    onChange={() => {
                      setKind(k);
                      save.reset();
                    }}
                  />
                  <span>
                    <span className="block text-sm font-medium text-slate-900">{t(`option.${k}`)}</span>
                    <span className="block text-xs text-slate-500">{t(`help.${k}`)}</span>
                  </span>
                </label>
                {kind === k && k === 'oneChannel' ? (
                  <div className="mt-3 grid grid-cols-3 gap-2" role="radiogroup">
                    {DEBTOR_CONTACT_CHANNELS.map((c) => (
                      <button
                        key={c}
                        type="button"
                        role="radio"
                        aria-checked={channel === c}
                        onClick={() => setChannel(c)}
                        className={`rounded-md px-2 py-2.5 text-sm font-medium ring-1 ${
                          channel === c
                            ? 'bg-amber-600 text-white ring-amber-600'
                            : 'bg-white text-slate-800 ring-slate-300'
                        }`}
                        data-testid={`contact-channel-${c}`}
                      >
                        {t(`channel.${c}`)}
                      </button>
                    ))}
                  </div>
                ) : null}
                {kind === k && (k === 'notAtWork' || k === 'hours') ? (
                  <div className="mt-3">
                    <Hours value={hours[k]} onChange={(v) => setHours((h) => ({ ...h, [k]: v }))} error={fieldError} />
                  </div>
                ) : null}
              </div>
            ))}
            <p className="text-xs text-slate-500">
              {t('window', {
                start: formatMinutes(o.rules.windowStartMinutes),
                end: formatMinutes(o.rules.windowEndMinutes),
              })}
            </p>
            {error && !fieldError.from && !fieldError.to ? <Alert testId="contact-error">{error.message}</Alert> : null}
            <Button
              type="submit"
              className="w-full py-2.5"
              disabled={!choice || save.isPending}
              data-testid="contact-save"
            >
              {t('save')}
            </Button>
          </form>
        ) : (
          <Button
            variant="secondary"
            className="w-full py-2.5"
            onClick={() => setOpen(true)}
            data-testid="contact-change"
          >
            {t('change')}
          </Button>
        )}
      </div>
    </Card>
  );
};
