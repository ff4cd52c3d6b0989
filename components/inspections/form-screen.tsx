'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import type { TForm, TInspectionCriterion } from '@/server/api/routers/inspections/inspections.schema';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Input } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';

const blank = (): TInspectionCriterion => ({
  key: '',
  weight: 0,
  fatal: false,
  label: { 'zh-CN': '', en: '' },
  guidance: { 'zh-CN': '', en: '' },
});

/** Edits a copy of the current version; publishing makes it the next one. Inspections made keep theirs. */
const FormEditor = ({ base, onDone }: { base: TForm; onDone: () => void }) => {
  const t = useTranslations('inspectionForm');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<TInspectionCriterion[]>(() => base.criteria.map((c) => structuredClone(c)));
  const publish = useMutation(
    trpc.inspections.forms.publish.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.inspections.forms.pathKey() });
        onDone();
      },
    }),
  );
  const error = errorInfo(publish.error);
  const sum = rows.reduce((s, c) => s + (Number.isFinite(c.weight) ? c.weight : 0), 0);
  const set = (i: number, patch: (c: TInspectionCriterion) => TInspectionCriterion) =>
    setRows((rs) => rs.map((c, j) => (j === i ? patch(c) : c)));
  const hasError = (i: number, field: string) =>
    Object.keys(error?.fieldErrors ?? {}).some((k) => k.startsWith(`criteria.${i}.${field}`)) ||
    error?.fieldErrors[`criteria.${i}.${field}`] !== undefined;
  const text = (i: number, field: 'label' | 'guidance', lang: 'zh-CN' | 'en', value: string) =>
    set(i, (x) => ({ ...x, [field]: { ...x[field], [lang]: value } }));
  return (
    <Card title={t('editTitle', { version: base.version + 1 })}>
      <div className="space-y-3" data-testid="form-editor">
        <p className="text-sm text-slate-600">{t('editIntro')}</p>
        {rows.map((c, i) => (
          <fieldset
            key={i}
            className="grid gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-6"
            data-testid="form-criterion"
          >
            <Input
              aria-label={t('key')}
              placeholder={t('key')}
              value={c.key}
              invalid={hasError(i, 'key')}
              onChange={(e) => set(i, (x) => ({ ...x, key: e.target.value }))}
              className="font-mono sm:col-span-2"
            />
            <Input
              aria-label={t('weight')}
              type="number"
              min={0}
              max={100}
              value={Number.isFinite(c.weight) ? c.weight : ''}
              invalid={hasError(i, 'weight')}
              onChange={(e) =>
                set(i, (x) => ({ ...x, weight: e.target.value === '' ? Number.NaN : Number(e.target.value) }))
              }
              data-testid={`form-weight-${i}`}
            />
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input
                type="checkbox"
                checked={c.fatal}
                onChange={(e) => set(i, (x) => ({ ...x, fatal: e.target.checked }))}
                data-testid={`form-fatal-${i}`}
              />
              {t('fatal')}
            </label>
            <Button
              variant="dangerGhost"
              onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              disabled={rows.length === 1}
            >
              {t('remove')}
            </Button>
            {(['label', 'guidance'] as const).flatMap((field) =>
              (['zh-CN', 'en'] as const).map((lang) => (
                <Input
                  key={`${field}-${lang}`}
                  aria-label={t(`${field}.${lang}`)}
                  placeholder={t(`${field}.${lang}`)}
                  value={c[field][lang]}
                  invalid={hasError(i, `${field}.${lang}`)}
                  onChange={(e) => text(i, field, lang, e.target.value)}
                  className="sm:col-span-3"
                />
              )),
            )}
          </fieldset>
        ))}
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button
            variant="secondary"
            onClick={() => setRows((rs) => [...rs, blank()])}
            disabled={rows.length >= 30}
            data-testid="form-add"
          >
            {t('add')}
          </Button>
          <span
            className={`text-sm font-medium tabular-nums ${sum === 100 ? 'text-emerald-700' : 'text-red-700'}`}
            data-testid="form-weight-sum"
          >
            {t('sum', { sum })}
          </span>
        </div>
        {error ? <Alert testId="form-error">{error.message}</Alert> : null}
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
          <Button variant="ghost" onClick={onDone}>
            {tc('cancel')}
          </Button>
          <Button
            onClick={() => publish.mutate({ basedOnVersion: base.version, criteria: rows })}
            disabled={publish.isPending}
            data-testid="form-publish"
          >
            {publish.isPending ? tc('saving') : t('publish', { version: base.version + 1 })}
          </Button>
        </div>
      </div>
    </Card>
  );
};

/** The inspection form's versions, the chosen one's criteria, and (platform admins) the editor of the next. */
export const InspectionFormScreen = () => {
  const t = useTranslations('inspectionForm');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const locale = useLocale() === 'en' ? 'en' : 'zh-CN';
  const [version, setVersion] = useState<number | null>(null);
  const [isEditing, setEditing] = useState(false);
  const versions = useQuery(trpc.inspections.forms.list.queryOptions());
  const form = useQuery(trpc.inspections.forms.get.queryOptions(version ? { version } : {}));
  const error = errorInfo(versions.error ?? form.error);
  const shown = form.data;
  const current = versions.data?.items.find((v) => v.isCurrent);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title={t('versions')}>
        <Table testId="form-versions" head={[t('version'), t('criteria'), t('inspections')]}>
          {!versions.data ? (
            <EmptyRow colSpan={3}>{tc('loading')}</EmptyRow>
          ) : (
            versions.data.items.map((v) => (
              <tr key={v.version} className={v.version === shown?.version ? 'bg-amber-50' : undefined}>
                <Td>
                  <button
                    type="button"
                    className="text-amber-700 underline"
                    onClick={() => {
                      setVersion(v.version);
                      setEditing(false);
                    }}
                  >
                    {t('versionN', { version: v.version })}
                  </button>{' '}
                  {v.isCurrent ? <Badge tone="green">{t('current')}</Badge> : null}
                  <span className="block text-xs text-slate-500">
                    {`${formatDateTime(v.createdAt)}${v.createdByName ? ` · ${v.createdByName}` : ''}`}
                  </span>
                </Td>
                <Td className="tabular-nums">{t('criteriaN', { count: v.criteriaCount, fatal: v.fatalCount })}</Td>
                <Td className="tabular-nums">{v.inspectionCount}</Td>
              </tr>
            ))
          )}
        </Table>
      </Card>
      <div className="space-y-4 lg:col-span-2">
        {error ? <Alert testId="form-load-error">{error.message}</Alert> : null}
        {isEditing && shown ? (
          <FormEditor
            base={shown}
            onDone={() => {
              setEditing(false);
              setVersion(null);
            }}
          />
        ) : shown ? (
          <Card
            title={t('versionN', { version: shown.version })}
            actions={
              shown.version === current?.version ? (
                <Button onClick={() => setEditing(true)} data-testid="form-edit">
                  {t('edit')}
                </Button>
              ) : null
            }
          >
            <Table testId="form-criteria" head={[t('criterion'), t('weight'), t('fatal')]}>
              {shown.criteria.map((c) => (
                <tr key={c.key}>
                  <Td>
                    {c.label[locale]}
                    <span className="block text-xs text-slate-500">{c.guidance[locale]}</span>
                  </Td>
                  <Td className="tabular-nums">{c.weight}</Td>
                  <Td>{c.fatal ? <Badge tone="red">{t('fatal')}</Badge> : '—'}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        ) : (
          <p className="text-sm text-slate-500">{tc('loading')}</p>
        )}
      </div>
    </div>
  );
};
