'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { TRuleSets } from '@/server/api/routers/staff/staff.schema';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';

type RuleSet = TRuleSets[number]['rules'];
type Category = RuleSet['forbiddenPhrases'][number]['category'];
const NUMBERS = [
  'maxAnsweredCallsPerDebtorPerDay',
  'maxUnansweredCallsPerNumberPerDay',
  'contactAfterFailedAttempts',
  'remindersOnlyUntilDay',
  'escalationFromDay',
] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const minutesOf = (s: string) => {
  const [h, m] = s.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** An edit of the newest version, published as the next one; the server refuses anything looser than the floor. */
const Editor = ({ latest, onPublished }: { latest: TRuleSets[number]; onPublished: (version: number) => void }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const r = latest.rules;
  const [f, setF] = useState({
    start: hhmm(r.windowStartMinutes),
    end: hhmm(r.windowEndMinutes),
    numbers: Object.fromEntries(NUMBERS.map((k) => [k, String(r[k])])) as Record<(typeof NUMBERS)[number], string>,
    phrases: r.forbiddenPhrases.map((p) => `${p.phrase}|${p.category}`).join('\n'),
  });
  // The editor is re-created for the new version once the list reloads, so the outcome is reported above it.
  const publish = useMutation(
    trpc.staff.rules.publish.mutationOptions({
      onSuccess: (r) => {
        onPublished(r.version);
        void queryClient.invalidateQueries({ queryKey: trpc.staff.rules.list.queryKey() });
      },
    }),
  );
  const error = errorInfo(publish.error);
  const submit = () =>
    publish.mutate({
      basedOn: latest.version,
      draft: {
        windowStartMinutes: minutesOf(f.start),
        windowEndMinutes: minutesOf(f.end),
        ...(Object.fromEntries(NUMBERS.map((k) => [k, Number(f.numbers[k]) || 0])) as Record<
          (typeof NUMBERS)[number],
          number
        >),
        forbiddenPhrases: f.phrases
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const [phrase = '', category = 'threat'] = l.split('|');
            return { phrase: phrase.trim(), category: category.trim() as Category };
          }),
      },
    });
  return (
    <div className="space-y-3" data-testid="rules-editor">
      <div className="grid gap-3 md:grid-cols-4">
        <Field id="rules-start" label={t('staffRules.field.windowStartMinutes')}>
          <Input id="rules-start" type="time" value={f.start} onChange={(e) => setF({ ...f, start: e.target.value })} />
        </Field>
        <Field id="rules-end" label={t('staffRules.field.windowEndMinutes')}>
          <Input id="rules-end" type="time" value={f.end} onChange={(e) => setF({ ...f, end: e.target.value })} />
        </Field>
        {NUMBERS.map((k) => (
          <Field key={k} id={`rules-${k}`} label={t(`staffRules.field.${k}`)}>
            <Input
              id={`rules-${k}`}
              type="number"
              min={0}
              value={f.numbers[k]}
              onChange={(e) => setF({ ...f, numbers: { ...f.numbers, [k]: e.target.value } })}
            />
          </Field>
        ))}
      </div>
      <Field id="rules-phrases" label={t('staffRules.field.forbiddenPhrases')} hint={t('staffRules.phrasesHint')}>
        <textarea
          id="rules-phrases"
          rows={8}
          className="block w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-amber-600"
          value={f.phrases}
          onChange={(e) => setF({ ...f, phrases: e.target.value })}
        />
      </Field>
      {error ? <Alert testId="rules-error">{error.message}</Alert> : null}
      <Button onClick={submit} disabled={publish.isPending} data-testid="rules-publish">
        {t('staffRules.publish', { version: latest.version + 1 })}
      </Button>
    </div>
  );
};

/** The collection rulebook: each published version, and (for the platform admin) a tighter next one. */
export const RulesScreen = ({ canPublish }: { canPublish: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useQuery(trpc.staff.rules.list.queryOptions());
  const versions = list.data ?? [];
  const latest = versions[0];
  const [published, setPublished] = useState<number | null>(null);
  return (
    <>
      <PageTitle title={t('staffRules.title')} subtitle={t('staffRules.subtitle')} />
      <div className="space-y-6">
        <Card title={t('staffRules.versions')}>
          <Table
            testId="rules-versions"
            head={[
              t('staffRules.version'),
              t('staffRules.publishedAt'),
              t('staffRules.window'),
              t('staffRules.field.maxAnsweredCallsPerDebtorPerDay'),
              t('staffRules.field.maxUnansweredCallsPerNumberPerDay'),
              t('staffRules.phrases'),
            ]}
          >
            {versions.length === 0 ? (
              <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
            ) : (
              versions.map((v) => (
                <tr key={v.version} data-testid="rules-version">
                  <Td>v{v.version}</Td>
                  <Td className="font-mono text-xs">{formatDateTime(v.publishedAt)}</Td>
                  <Td>
                    {hhmm(v.rules.windowStartMinutes)}–{hhmm(v.rules.windowEndMinutes)}
                  </Td>
                  <Td className="tabular-nums">{v.rules.maxAnsweredCallsPerDebtorPerDay}</Td>
                  <Td className="tabular-nums">{v.rules.maxUnansweredCallsPerNumberPerDay}</Td>
                  <Td className="tabular-nums">{v.rules.forbiddenPhrases.length}</Td>
                </tr>
              ))
            )}
          </Table>
        </Card>
        {published ? (
          <Alert tone="success" testId="rules-published">
            {t('staffRules.published', { version: published })}
          </Alert>
        ) : null}
        {canPublish && latest ? (
          <Card title={t('staffRules.edit', { version: latest.version })}>
            <Editor key={latest.version} latest={latest} onPublished={setPublished} />
          </Card>
        ) : null}
      </div>
    </>
  );
};
