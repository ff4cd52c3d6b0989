'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { PROVINCES, type Province } from '@/lib/enums';
import { BUCKETS } from '@/lib/cases';
import { parseAmountToFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { bucketLabel } from './figures';

type Source =
  | { kind: 'import'; importId: string }
  | {
      kind: 'filter';
      buckets?: (typeof BUCKETS)[number][];
      provinces?: Province[];
      minOverdue?: number;
      maxOverdue?: number;
    };

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** A new draft package: the cases of one import, or a filter over unplaced cases, previewed before it is made. */
export const NewPackage = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'import' | 'filter'>('filter');
  const [importId, setImportId] = useState('');
  const [buckets, setBuckets] = useState<(typeof BUCKETS)[number][]>([]);
  const [provinces, setProvinces] = useState<Province[]>([]);
  const [minYuan, setMinYuan] = useState('');
  const [maxYuan, setMaxYuan] = useState('');
  const imports = useQuery(trpc.cases.imports.list.queryOptions({ limit: 50 }));
  const done = (imports.data?.items ?? []).filter((i) => i.status === 'succeeded');
  const min = minYuan ? parseAmountToFen(minYuan) : undefined;
  const max = maxYuan ? parseAmountToFen(maxYuan) : undefined;
  const source: Source | null =
    kind === 'import'
      ? importId
        ? { kind, importId }
        : null
      : {
          kind,
          ...(buckets.length ? { buckets } : {}),
          ...(provinces.length ? { provinces } : {}),
          ...(min !== undefined && min !== null ? { minOverdue: min } : {}),
          ...(max !== undefined && max !== null ? { maxOverdue: max } : {}),
        };
  const preview = useQuery({
    ...trpc.packages.preview.queryOptions({ source: source ?? { kind: 'filter' } }),
    enabled: source !== null,
  });
  const create = useMutation(
    trpc.packages.create.mutationOptions({ onSuccess: (p) => router.push(`/creditor/packages/${p.id}`) }),
  );
  const error = errorInfo(create.error);
  return (
    <Card title={t('packages.new.title')}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (source) create.mutate({ name, source });
        }}
      >
        <div className="grid gap-4 md:grid-cols-[1fr_14rem]">
          <Field id="package-name" label={t('packages.new.name')} error={error?.fieldErrors.name}>
            <Input
              id="package-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('packages.new.namePlaceholder')}
              required
            />
          </Field>
          <Field id="package-source" label={t('packages.new.source')}>
            <Select id="package-source" value={kind} onChange={(e) => setKind(e.target.value as 'import' | 'filter')}>
              <option value="filter">{t('packages.new.fromFilter')}</option>
              <option value="import">{t('packages.new.fromImport')}</option>
            </Select>
          </Field>
        </div>
        {kind === 'import' ? (
          <Field id="package-import" label={t('packages.new.import')}>
            <Select id="package-import" value={importId} onChange={(e) => setImportId(e.target.value)}>
              <option value="">{t('packages.new.chooseImport')}</option>
              {done.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.fileName} · {i.rowCount.toLocaleString()}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <div className="space-y-3">
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t('packages.new.buckets')}</legend>
              <div className="flex flex-wrap gap-2">
                {BUCKETS.map((b) => (
                  <label key={b} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      data-testid={`bucket-${b}`}
                      checked={buckets.includes(b)}
                      onChange={() => setBuckets(toggle(buckets, b))}
                    />
                    {bucketLabel(b)}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t('packages.new.provinces')}</legend>
              <div className="flex flex-wrap gap-x-3 gap-y-1">
                {PROVINCES.map((p) => (
                  <label key={p} className="flex items-center gap-1 text-sm">
                    <input
                      type="checkbox"
                      data-testid={`province-${p}`}
                      checked={provinces.includes(p)}
                      onChange={() => setProvinces(toggle(provinces, p))}
                    />
                    {t(`province.${p}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid max-w-md grid-cols-2 gap-3">
              <Field
                id="min-overdue"
                label={t('packages.new.minOverdue')}
                error={min === null ? t('packages.new.badAmount') : undefined}
              >
                <Input
                  id="min-overdue"
                  inputMode="decimal"
                  value={minYuan}
                  onChange={(e) => setMinYuan(e.target.value)}
                />
              </Field>
              <Field
                id="max-overdue"
                label={t('packages.new.maxOverdue')}
                error={max === null ? t('packages.new.badAmount') : undefined}
              >
                <Input
                  id="max-overdue"
                  inputMode="decimal"
                  value={maxYuan}
                  onChange={(e) => setMaxYuan(e.target.value)}
                />
              </Field>
            </div>
          </div>
        )}
        <p className="text-sm text-slate-700" data-testid="package-preview">
          {preview.data
            ? t('packages.new.preview', { count: preview.data.caseCount.toLocaleString() })
            : t('common.loading')}
        </p>
        {error && !error.fieldErrors.name ? <Alert testId="package-create-error">{error.message}</Alert> : null}
        <Button
          type="submit"
          disabled={!source || !name.trim() || create.isPending || preview.data?.caseCount === 0}
          data-testid="package-create"
        >
          {t('packages.new.create')}
        </Button>
      </form>
    </Card>
  );
};
