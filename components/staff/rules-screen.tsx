'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { stagePolicyFormValues } from '@/server/domain/shared/fields.schema';
import { StagePolicyFields } from '../rules/stage-policy';
import { ZRuleDraftForm, type TRuleSets } from '@/server/api/routers/staff/staff.schema';
import { useZodForm } from '../forms/use-zod-form';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';
import { FamiliesEditor, FamiliesView, firstMessage, toFamilyRow } from './phrase-families';

const NUMBERS = [
  'maxAnsweredCallsPerDebtorPerDay',
  'maxUnansweredCallsPerNumberPerDay',
  'contactAfterFailedAttempts',
] as const;
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** An edit of the newest version, published as the next one; the server refuses anything looser than the floor. */
const Editor = ({ latest, onPublished }: { latest: TRuleSets[number]; onPublished: (version: number) => void }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const r = latest.rules;
  const {
    register,
    handleSubmit,
    control,
    formState: { errors },
  } = useZodForm(ZRuleDraftForm, {
    defaultValues: {
      windowStartMinutes: hhmm(r.windowStartMinutes),
      windowEndMinutes: hhmm(r.windowEndMinutes),
      ...(Object.fromEntries(NUMBERS.map((k) => [k, String(r[k])])) as Record<(typeof NUMBERS)[number], string>),
      stagePolicy: stagePolicyFormValues(r.stagePolicy),
      phraseFamilies: r.phraseFamilies.map(toFamilyRow),
    },
  });
  const stageError = (ch: string, target: string) =>
    firstMessage((errors.stagePolicy as Record<string, Record<string, unknown>> | undefined)?.[ch]?.[target]);
  const message = (name: keyof typeof errors) => firstMessage((errors as FieldErrors)[name]);
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
  return (
    <form
      className="space-y-3"
      onSubmit={handleSubmit((draft) => publish.mutate({ basedOn: latest.version, draft }))}
      noValidate
      data-testid="rules-editor"
    >
      <div className="grid gap-3 md:grid-cols-4">
        <Field id="rules-start" label={t('staffRules.field.windowStartMinutes')} error={message('windowStartMinutes')}>
          <Input
            id="rules-start"
            type="time"
            {...register('windowStartMinutes')}
            invalid={Boolean(message('windowStartMinutes'))}
          />
        </Field>
        <Field id="rules-end" label={t('staffRules.field.windowEndMinutes')} error={message('windowEndMinutes')}>
          <Input
            id="rules-end"
            type="time"
            {...register('windowEndMinutes')}
            invalid={Boolean(message('windowEndMinutes'))}
          />
        </Field>
        {NUMBERS.map((k) => (
          <Field key={k} id={`rules-${k}`} label={t(`staffRules.field.${k}`)} error={message(k)}>
            <Input id={`rules-${k}`} type="number" min={0} {...register(k)} invalid={Boolean(message(k))} />
          </Field>
        ))}
      </div>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t('staffRules.field.stagePolicy')}</legend>
        <StagePolicyFields
          register={
            register as unknown as UseFormRegister<{ stagePolicy: Record<string, { debtor: string; contact: string }> }>
          }
          errorOf={stageError}
          idPrefix="rules"
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t('staffRules.field.phraseFamilies')}</legend>
        <FamiliesEditor control={control} register={register} errors={errors} server={error} />
      </fieldset>
      {error ? <Alert testId="rules-error">{error.message}</Alert> : null}
      <Button type="submit" disabled={publish.isPending} data-testid="rules-publish">
        {t('staffRules.publish', { version: latest.version + 1 })}
      </Button>
    </form>
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
                  <Td className="tabular-nums">{v.rules.phraseFamilies.length}</Td>
                </tr>
              ))
            )}
          </Table>
        </Card>
        {latest ? (
          <Card title={t('staffRules.families', { version: latest.version })}>
            <p className="mb-3 text-xs text-slate-500">{t('staffRules.familiesIntro')}</p>
            <FamiliesView families={latest.rules.phraseFamilies} />
          </Card>
        ) : null}
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
