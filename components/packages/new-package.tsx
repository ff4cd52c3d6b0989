'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { PROVINCES } from '@/lib/enums';
import { ZNewPackageForm, ZPackageSourceForm } from '@/server/api/routers/packages/packages.schema';
import { BUCKETS } from '@/lib/cases';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, Input, Select } from '../ui/field';
import { bucketLabel } from './figures';

const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** A new draft package: the cases of one import, or a filter over unplaced cases, previewed before it is made. */
export const NewPackage = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const router = useRouter();
  // Checked as it is typed, so a bad bound is named at once and the preview follows the good ones.
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors },
  } = useZodForm(ZNewPackageForm, {
    mode: 'onChange',
    defaultValues: {
      name: '',
      kind: 'filter',
      importId: '',
      buckets: [],
      provinces: [],
      minOverdue: '',
      maxOverdue: '',
    },
  });
  const imports = useQuery(trpc.cases.imports.list.queryOptions({ limit: 50 }));
  const done = (imports.data?.items ?? []).filter((i) => i.status === 'succeeded');
  const values = watch();
  const read = ZPackageSourceForm.safeParse(values);
  const source = read.success ? read.data : null;
  const preview = useQuery({
    ...trpc.packages.preview.queryOptions({ source: source ?? { kind: 'filter' } }),
    enabled: source !== null,
  });
  const create = useMutation(
    trpc.packages.create.mutationOptions({ onSuccess: (p) => router.push(`/creditor/packages/${p.id}`) }),
  );
  const error = errorInfo(create.error);
  const message = (name: string) => fieldMessage(errors, error, name);
  const { kind, buckets, provinces } = values;
  return (
    <Card title={t('packages.new.title')}>
      <form className="space-y-4" noValidate onSubmit={handleSubmit((input) => create.mutate(input))}>
        <div className="grid gap-4 md:grid-cols-[1fr_14rem]">
          <Field id="package-name" label={t('packages.new.name')} error={message('name')}>
            <Input
              id="package-name"
              {...register('name')}
              placeholder={t('packages.new.namePlaceholder')}
              required
              invalid={Boolean(message('name'))}
            />
          </Field>
          <Field id="package-source" label={t('packages.new.source')}>
            <Select id="package-source" {...register('kind')}>
              <option value="filter">{t('packages.new.fromFilter')}</option>
              <option value="import">{t('packages.new.fromImport')}</option>
            </Select>
          </Field>
        </div>
        {kind === 'import' ? (
          <Field id="package-import" label={t('packages.new.import')} error={message('importId')}>
            <Select id="package-import" {...register('importId')} invalid={Boolean(message('importId'))}>
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
                      onChange={() => setValue('buckets', toggle(buckets, b))}
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
                      onChange={() => setValue('provinces', toggle(provinces, p))}
                    />
                    {t(`province.${p}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid max-w-md grid-cols-2 gap-3">
              <Field id="min-overdue" label={t('packages.new.minOverdue')} error={message('minOverdue')}>
                <Input
                  id="min-overdue"
                  inputMode="decimal"
                  {...register('minOverdue')}
                  invalid={Boolean(message('minOverdue'))}
                />
              </Field>
              <Field id="max-overdue" label={t('packages.new.maxOverdue')} error={message('maxOverdue')}>
                <Input
                  id="max-overdue"
                  inputMode="decimal"
                  {...register('maxOverdue')}
                  invalid={Boolean(message('maxOverdue'))}
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
          disabled={!source || !values.name.trim() || create.isPending || preview.data?.caseCount === 0}
          data-testid="package-create"
        >
          {t('packages.new.create')}
        </Button>
      </form>
    </Card>
  );
};
