'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { AUDIT_ACTIONS } from '@/lib/enums';
import { ZAuditFilterForm } from '@/server/api/routers/staff/staff.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { Input, Select } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';

type Filters = z.output<typeof ZAuditFilterForm>;

/** The platform-wide audit trail: who did what, to which resource, from where. */
export const AuditScreen = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZAuditFilterForm, { defaultValues: { action: '', from: '', to: '', actorUserId: '', orgId: '' } });
  const message = (name: keyof Filters) => fieldMessage(errors, null, name);
  // The filters' mistake, found in the browser, shows where the list's own answer would.
  const filterError = (['action', 'from', 'to', 'actorUserId', 'orgId'] as const).map(message).find(Boolean);
  // The filters last applied: the list follows them.
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState<number | null>(null);
  const list = useInfiniteQuery(
    trpc.staff.audit.list.infiniteQueryOptions(
      { limit: 50, ...filters },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);

  return (
    <>
      <PageTitle
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        actions={
          <ExportButton
            request={{
              list: 'staff.audit',
              filters: {
                ...(filters.action ? { action: filters.action } : {}),
                ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
                ...(filters.orgId ? { orgId: filters.orgId } : {}),
                ...(filters.from ? { from: filters.from.toISOString() } : {}),
                ...(filters.to ? { to: filters.to.toISOString() } : {}),
              },
            }}
          />
        }
      />
      <Card>
        <form className="mb-4 grid gap-3 md:grid-cols-6" onSubmit={handleSubmit(setFilters)} noValidate>
          <Filter label={t('fields.action')}>
            <Select data-testid="audit-action" {...register('action')}>
              <option value="">{t('audit.allActions')}</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {t(`auditAction.${a}`)}
                </option>
              ))}
            </Select>
          </Filter>
          <Filter label={t('fields.from')}>
            <Input data-testid="audit-from" type="date" {...register('from')} invalid={Boolean(message('from'))} />
          </Filter>
          <Filter label={t('fields.to')}>
            <Input data-testid="audit-to" type="date" {...register('to')} invalid={Boolean(message('to'))} />
          </Filter>
          <Filter label={t('audit.actorId')}>
            <Input {...register('actorUserId')} invalid={Boolean(message('actorUserId'))} placeholder="UUID" />
          </Filter>
          <Filter label={t('audit.orgId')}>
            <Input {...register('orgId')} invalid={Boolean(message('orgId'))} placeholder="UUID" />
          </Filter>
          <div className="flex items-end">
            <Button type="submit" variant="secondary" data-testid="audit-apply">
              {t('common.search')}
            </Button>
          </div>
        </form>
        {filterError || error ? (
          <p className="mb-2 text-sm text-red-700" data-testid="audit-error">
            {filterError ?? error?.message}
          </p>
        ) : null}
        <Table
          testId="audit-table"
          head={[
            t('audit.at'),
            t('audit.actor'),
            t('fields.action'),
            t('audit.resource'),
            t('audit.org'),
            t('audit.ip'),
            '',
          ]}
        >
          {list.isPending ? (
            <EmptyRow colSpan={7}>{t('common.loading')}</EmptyRow>
          ) : rows.length === 0 ? (
            <EmptyRow colSpan={7}>{t('audit.empty')}</EmptyRow>
          ) : (
            rows.flatMap((r) => [
              <tr key={r.id} data-testid="audit-row">
                <Td className="font-mono text-xs">{formatDateTime(r.at)}</Td>
                <Td>
                  {r.actorName ? (
                    <>
                      {r.actorName}
                      <span className="block text-xs text-slate-500">{r.actorOrgName}</span>
                    </>
                  ) : (
                    <span className="text-slate-500">{t('audit.anonymous')}</span>
                  )}
                </Td>
                <Td>
                  {t(`auditAction.${r.action}`)}
                  <code className="block text-xs text-slate-500">{r.action}</code>
                </Td>
                <Td className="text-xs">
                  {r.resourceType}
                  {r.resourceId && r.resourceType === 'case' ? (
                    <Link
                      className="block max-w-56 truncate font-mono text-amber-700 underline"
                      href={`/staff/cases/${r.resourceId}`}
                    >
                      {r.resourceId}
                    </Link>
                  ) : r.resourceId ? (
                    <span className="block max-w-56 truncate font-mono text-slate-500">{r.resourceId}</span>
                  ) : null}
                </Td>
                <Td>{r.orgName ?? '—'}</Td>
                <Td className="font-mono text-xs">{r.ip ?? '—'}</Td>
                <Td>
                  <Button variant="ghost" onClick={() => setOpen(open === r.id ? null : r.id)}>
                    {open === r.id ? t('audit.hide') : t('audit.details')}
                  </Button>
                </Td>
              </tr>,
              open === r.id ? (
                <tr key={`${r.id}-d`}>
                  <td colSpan={7} className="bg-slate-50 px-3 py-2">
                    <div className="grid gap-3 text-xs md:grid-cols-2">
                      <div>
                        <div className="mb-1 font-medium text-slate-600">{t('audit.before')}</div>
                        <pre className="overflow-x-auto whitespace-pre-wrap">{JSON.stringify(r.before, null, 2)}</pre>
                      </div>
                      <div>
                        <div className="mb-1 font-medium text-slate-600">{t('audit.after')}</div>
                        <pre className="overflow-x-auto whitespace-pre-wrap">{JSON.stringify(r.after, null, 2)}</pre>
                      </div>
                      <div className="md:col-span-2 text-slate-500">{r.userAgent}</div>
                    </div>
                  </td>
                </tr>
              ) : null,
            ])
          )}
        </Table>
        <LoadMore list={list} />
      </Card>
    </>
  );
};
