'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { CRITERION_GROUPS } from '@/lib/enums';
import type { TTemplateView } from '@/server/api/routers/staff/admission.schema';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Input, Select } from '../ui/field';

type Criterion = TTemplateView['criteria'][number];

const blank = (): Criterion => ({
  key: '',
  weight: 0,
  group: 'basics',
  label: { 'zh-CN': '', en: '' },
  guidance: { 'zh-CN': '', en: '' },
});

/** Edits a copy of the active version; publishing makes it the next version. */
export const TemplateEditor = ({
  kind,
  base,
  onCancel,
  onPublished,
}: {
  kind: 'agency' | 'creditor';
  base: TTemplateView;
  onCancel: () => void;
  onPublished: (id: string) => void;
}) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<Criterion[]>(() => base.criteria.map((c) => structuredClone(c)));
  const publish = useMutation(
    trpc.staff.admission.templates.publish.mutationOptions({
      onSuccess: async (v) => {
        // The list and every version's "active" flag change.
        await queryClient.invalidateQueries({ queryKey: trpc.staff.admission.templates.pathKey() });
        onPublished(v.id);
      },
    }),
  );
  const error = errorInfo(publish.error);
  const sum = rows.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const set = (i: number, patch: (c: Criterion) => Criterion) =>
    setRows((rs) => rs.map((c, j) => (j === i ? patch(c) : c)));
  const hasError = (i: number, field: string) =>
    Object.keys(error?.fieldErrors ?? {}).some((k) => k.startsWith(`criteria.${i}.${field}`));

  return (
    <Card title={t('templates.editTitle', { version: base.version + 1 })}>
      <div className="space-y-3" data-testid="template-editor">
        <p className="text-sm text-slate-600">{t('templates.editIntro')}</p>
        {rows.map((c, i) => (
          <fieldset
            key={i}
            className="grid gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-6"
            data-testid="criterion-editor"
          >
            <Input
              aria-label={t('templates.key')}
              placeholder={t('templates.key')}
              value={c.key}
              invalid={hasError(i, 'key')}
              onChange={(e) => set(i, (x) => ({ ...x, key: e.target.value }))}
              className="font-mono sm:col-span-2"
            />
            <Select
              aria-label={t('templates.group')}
              value={c.group}
              onChange={(e) => set(i, (x) => ({ ...x, group: e.target.value as Criterion['group'] }))}
              className="sm:col-span-2"
            >
              {CRITERION_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`templates.groups.${g}`)}
                </option>
              ))}
            </Select>
            <Input
              aria-label={t('templates.weight')}
              type="number"
              min={1}
              max={100}
              value={Number.isFinite(c.weight) ? c.weight : ''}
              invalid={hasError(i, 'weight')}
              onChange={(e) =>
                set(i, (x) => ({ ...x, weight: e.target.value === '' ? Number.NaN : Number(e.target.value) }))
              }
              data-testid={`weight-${i}`}
            />
            <Button
              variant="dangerGhost"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              disabled={rows.length === 1}
            >
              {t('templates.removeCriterion')}
            </Button>
            <Input
              aria-label={t('templates.labelZh')}
              placeholder={t('templates.labelZh')}
              value={c.label['zh-CN']}
              invalid={hasError(i, 'label.zh-CN')}
              onChange={(e) => set(i, (x) => ({ ...x, label: { ...x.label, 'zh-CN': e.target.value } }))}
              className="sm:col-span-3"
            />
            <Input
              aria-label={t('templates.labelEn')}
              placeholder={t('templates.labelEn')}
              value={c.label.en}
              invalid={hasError(i, 'label.en')}
              onChange={(e) => set(i, (x) => ({ ...x, label: { ...x.label, en: e.target.value } }))}
              className="sm:col-span-3"
            />
            <Input
              aria-label={t('templates.guidanceZh')}
              placeholder={t('templates.guidanceZh')}
              value={c.guidance['zh-CN']}
              invalid={hasError(i, 'guidance.zh-CN')}
              onChange={(e) => set(i, (x) => ({ ...x, guidance: { ...x.guidance, 'zh-CN': e.target.value } }))}
              className="sm:col-span-3"
            />
            <Input
              aria-label={t('templates.guidanceEn')}
              placeholder={t('templates.guidanceEn')}
              value={c.guidance.en}
              invalid={hasError(i, 'guidance.en')}
              onChange={(e) => set(i, (x) => ({ ...x, guidance: { ...x.guidance, en: e.target.value } }))}
              className="sm:col-span-3"
            />
          </fieldset>
        ))}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button
            variant="secondary"
            onClick={() => setRows((rs) => [...rs, blank()])}
            disabled={rows.length >= 30}
            data-testid="add-criterion"
          >
            {t('templates.addCriterion')}
          </Button>
          <span
            className={`text-sm font-medium tabular-nums ${sum === 100 ? 'text-emerald-700' : 'text-red-700'}`}
            data-testid="weight-sum"
          >
            {t('templates.sum', { sum })}
          </span>
        </div>
        {error ? <Alert testId="template-error">{error.message}</Alert> : null}
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => publish.mutate({ kind, basedOnVersion: base.version, criteria: rows })}
            disabled={publish.isPending}
            data-testid="publish-template"
          >
            {publish.isPending ? t('common.saving') : t('templates.publish', { version: base.version + 1 })}
          </Button>
        </div>
      </div>
    </Card>
  );
};
