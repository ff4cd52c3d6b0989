'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ZOrgSearchForm } from '@/server/api/routers/staff/staff.schema';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
import { useTranslations } from 'use-intl';
import { ORG_STATUSES, ORG_TYPES, type OrgStatus, type OrgType } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { paged } from '../trpc/paging';
import { orgsInput } from './queries';
import { Badge, ORG_STATUS_TONE } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { Dialog } from '../ui/dialog';
import { RegisterOrgForm } from './register-org-form';
import { Input, Select } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';

/** Every organization on the platform: filter and search; each opens its detail screen. */
export const OrgsScreen = ({ canRegister }: { canRegister: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [type, setType] = useState<OrgType | ''>('');
  const [status, setStatus] = useState<OrgStatus | ''>('');
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZOrgSearchForm, { defaultValues: { q: '' } });
  // The search last asked for: the list follows it.
  const [search, setSearch] = useState('');
  const [isRegisterOpen, setRegisterOpen] = useState(false);
  const router = useRouter();

  const list = useInfiniteQuery(trpc.staff.orgs.list.infiniteQueryOptions(orgsInput({ type, status, search }), paged));
  const rows = rowsOf(list.data);
  const listError = errorInfo(list.error);

  return (
    <>
      <PageTitle
        title={t('orgs.title')}
        subtitle={t('orgs.subtitle')}
        actions={
          canRegister ? (
            <Button data-testid="open-register-org" onClick={() => setRegisterOpen(true)}>
              {t('orgs.register')}
            </Button>
          ) : null
        }
      />
      <div className="space-y-4">
        <Card>
          <form
            className="mb-4 flex flex-wrap items-end gap-3"
            onSubmit={handleSubmit((v) => setSearch(v.q ?? ''))}
            noValidate
          >
            <Filter label={t('fields.type')}>
              <Select data-testid="filter-type" value={type} onChange={(e) => setType(e.target.value as OrgType | '')}>
                <option value="">{t('common.all')}</option>
                {ORG_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`orgType.${v}`)}
                  </option>
                ))}
              </Select>
            </Filter>
            <Filter label={t('fields.status')}>
              <Select
                data-testid="filter-status"
                value={status}
                onChange={(e) => setStatus(e.target.value as OrgStatus | '')}
              >
                <option value="">{t('common.all')}</option>
                {ORG_STATUSES.map((v) => (
                  <option key={v} value={v}>
                    {t(`orgStatus.${v}`)}
                  </option>
                ))}
              </Select>
            </Filter>
            <Filter className="min-w-64 flex-1" label={t('fields.q')}>
              <Input
                data-testid="filter-q"
                {...register('q')}
                invalid={Boolean(fieldMessage(errors, null, 'q'))}
                placeholder={t('orgs.searchPlaceholder')}
              />
              {fieldMessage(errors, null, 'q') ? (
                <span className="mt-1 block text-xs text-red-600">{fieldMessage(errors, null, 'q')}</span>
              ) : null}
            </Filter>
            <Button type="submit" variant="secondary">
              {t('common.search')}
            </Button>
          </form>
          {listError ? <p className="mb-2 text-sm text-red-700">{listError.message}</p> : null}
          <Table
            testId="orgs-table"
            head={[
              t('overview.orgName'),
              t('fields.creditCode'),
              t('fields.type'),
              t('fields.status'),
              t('overview.since'),
              '',
            ]}
          >
            {list.isPending ? (
              <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={6}>{t('orgs.empty')}</EmptyRow>
            ) : (
              rows.map((o) => (
                <tr key={o.id} data-testid="org-row">
                  <Td className="font-medium text-slate-900">
                    <Link href={`/staff/orgs/${o.id}`} className="hover:text-amber-700 hover:underline">
                      {o.name}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{o.creditCode}</Td>
                  <Td>{t(`orgType.${o.type}`)}</Td>
                  <Td>
                    <Badge tone={ORG_STATUS_TONE[o.status]}>{t(`orgStatus.${o.status}`)}</Badge>
                  </Td>
                  <Td>{formatDate(o.createdAt)}</Td>
                  <Td className="text-right">
                    <Link
                      href={`/staff/orgs/${o.id}`}
                      className="rounded px-2 py-1 text-sm text-amber-700 hover:bg-amber-50"
                      data-testid={`open-${o.creditCode}`}
                    >
                      {t('orgs.open')}
                    </Link>
                  </Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
      </div>
      <Dialog open={isRegisterOpen} title={t('orgs.register')} onClose={() => setRegisterOpen(false)}>
        <RegisterOrgForm
          onDone={(orgId) => router.push(`/staff/orgs/${orgId}`)}
          onCancel={() => setRegisterOpen(false)}
        />
      </Dialog>
    </>
  );
};
