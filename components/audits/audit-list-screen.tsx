'use client';

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ZNewAuditForm } from '@/server/api/routers/audits/audits.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { AUDIT_STATUSES, type AuditStatus } from '@/lib/enums';
import { shanghaiDate } from '@/lib/dates';
import { bpToPercent, formatDate } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { ExportButton } from '../exports/export-button';
import { AgencySelect } from '../staff/agency-select';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Field, Input, Select, Textarea } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

const NewAudit = () => {
  const t = useTranslations('audits');
  const trpc = useTRPC();
  const router = useRouter();
  const {
    register,
    handleSubmit,
    setValue,
    watch,
    formState: { errors },
  } = useZodForm(ZNewAuditForm, {
    defaultValues: {
      agencyId: '',
      method: 'random',
      periodFrom: `${shanghaiMonth(-1)}-01`,
      periodTo: shanghaiDate(new Date()),
      percent: '10',
      contractNos: '',
    },
  });
  const method = watch('method');
  const agencyId = watch('agencyId');
  const create = useMutation(
    trpc.audits.create.mutationOptions({ onSuccess: (a) => router.push(`/staff/audits/${a.id}`) }),
  );
  const error = errorInfo(create.error);
  const fe = error?.fieldErrors ?? {};
  const message = (name: string, serverName = name) =>
    fieldMessage(errors, null, name) ?? error?.fieldErrors[serverName]?.[0];
  return (
    <Card title={t('newTitle')}>
      <form
        className="grid gap-3 md:grid-cols-3"
        onSubmit={handleSubmit((input) => create.mutate(input))}
        noValidate
        id="new-audit-form"
        data-testid="new-audit"
      >
        <Field id="audit-agency" label={t('agency')} error={message('agencyId')}>
          <AgencySelect
            id="audit-agency"
            value={agencyId}
            onChange={(id) => setValue('agencyId', id, { shouldValidate: Boolean(errors.agencyId) })}
            invalid={Boolean(message('agencyId'))}
          />
        </Field>
        <Field id="audit-from" label={t('periodFrom')} error={message('periodFrom')}>
          <Input id="audit-from" type="date" {...register('periodFrom')} invalid={Boolean(message('periodFrom'))} />
        </Field>
        <Field id="audit-to" label={t('periodTo')} error={message('periodTo')}>
          <Input id="audit-to" type="date" {...register('periodTo')} invalid={Boolean(message('periodTo'))} />
        </Field>
        <Field id="audit-method" label={t('methodLabel')}>
          <Select id="audit-method" {...register('method')}>
            <option value="random">{t('method.random')}</option>
            <option value="chosen">{t('method.chosen')}</option>
          </Select>
        </Field>
        {method === 'random' ? (
          <Field id="audit-percent" label={t('percent')} error={message('percent', 'sampleBp')} hint={t('percentHint')}>
            <Input
              id="audit-percent"
              type="number"
              min={1}
              max={100}
              {...register('percent')}
              invalid={Boolean(message('percent', 'sampleBp'))}
            />
          </Field>
        ) : (
          <div className="md:col-span-2">
            <Field
              id="audit-contracts"
              label={t('contractNos')}
              error={message('contractNos')}
              hint={t('contractNosHint')}
            >
              <Textarea
                id="audit-contracts"
                rows={2}
                {...register('contractNos')}
                invalid={Boolean(message('contractNos'))}
              />
            </Field>
          </div>
        )}
      </form>
      {error && Object.keys(fe).length === 0 ? (
        <div className="mt-3">
          <Alert testId="new-audit-error">{error.message}</Alert>
        </div>
      ) : null}
      <div className="mt-3">
        <Button type="submit" form="new-audit-form" disabled={create.isPending} data-testid="new-audit-submit">
          {t('create')}
        </Button>
      </div>
    </Card>
  );
};

/** Every audit, newest first, with how far its review has come and what it found. */
export const AuditListScreen = ({ canManage }: { canManage: boolean }) => {
  const t = useTranslations('audits');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [status, setStatus] = useState<AuditStatus | ''>('');
  const list = useInfiniteQuery(
    trpc.audits.list.infiniteQueryOptions(
      { limit: 30, ...(status ? { status } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  const head = [
    t('agency'),
    t('period'),
    t('methodLabel'),
    t('progress'),
    t('findings'),
    t('statusLabel'),
    t('createdBy'),
  ];
  return (
    <>
      <PageTitle title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-4">
        {canManage ? <NewAudit /> : null}
        <Card
          actions={
            <div className="flex items-end gap-3">
              <ExportButton request={{ list: 'staff.audits', filters: status ? { status } : {} }} />
              <Filter label={t('statusLabel')}>
                <Select value={status} onChange={(e) => setStatus(e.target.value as AuditStatus | '')}>
                  <option value="">{t('allStatuses')}</option>
                  {AUDIT_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </Select>
              </Filter>
            </div>
          }
          title={t('listTitle')}
        >
          <Table testId="audit-list" head={head}>
            {list.isPending ? (
              <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={head.length}>{t('empty')}</EmptyRow>
            ) : (
              rows.map((a) => (
                <tr key={a.id} data-testid="audit-row">
                  <Td>
                    <Link className="text-amber-700 underline" href={`/staff/audits/${a.id}`}>
                      {a.agencyName}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">
                    {a.periodFrom} – {a.periodTo}
                  </Td>
                  <Td className="text-xs">
                    {a.method === 'random'
                      ? t('randomShare', { percent: bpToPercent(a.sampleBp ?? 0) })
                      : t('method.chosen')}
                  </Td>
                  <Td className="tabular-nums text-xs">
                    {t('reviewedOf', { reviewed: a.reviewed, total: a.itemCount })}
                  </Td>
                  <Td className="text-xs">{t('findingCounts', a.findings)}</Td>
                  <Td>
                    <Badge tone={a.status === 'open' ? 'amber' : 'green'}>{t(`status.${a.status}`)}</Badge>
                  </Td>
                  <Td className="text-xs">
                    {a.createdByName}
                    <span className="block font-mono text-slate-500">{formatDate(a.createdAt)}</span>
                  </Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
      </div>
    </>
  );
};

/** One sampled record: what it was, and the auditor's finding with a note. */
