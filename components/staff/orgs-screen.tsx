'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ORG_STATUSES, ORG_TYPES, type OrgStatus, type OrgType } from '@/db/enums';
import { formatDate } from '../format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Badge, ORG_STATUS_TONE } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { Input, Select } from '../ui/field';
import { EmptyRow, Table, Td } from '../ui/table';
import { InviteLink } from '../users/invite-link';
import { NewUserForm } from '../users/new-user-form';
import { SetStatusForm } from './set-status-form';

type OrgRow = { id: string; name: string; type: OrgType; status: OrgStatus };

/** Every organization on the platform: filter, search, change status, add users. */
export const OrgsScreen = ({ canSetStatus, canCreateUsers }: { canSetStatus: boolean; canCreateUsers: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [type, setType] = useState<OrgType | ''>('');
  const [status, setStatus] = useState<OrgStatus | ''>('');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [statusFor, setStatusFor] = useState<OrgRow | null>(null);
  const [userFor, setUserFor] = useState<OrgRow | null>(null);
  const [invited, setInvited] = useState<{ token: string; email: string } | null>(null);

  const input = { limit: 25, type: type || undefined, status: status || undefined, q: search || undefined };
  const list = useInfiniteQuery(
    trpc.staff.orgs.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.staff.orgs.list.pathKey() });
  const setOrgStatus = useMutation(
    trpc.staff.orgs.setStatus.mutationOptions({
      onSuccess: () => {
        setStatusFor(null);
        void refresh();
      },
    }),
  );
  const createUser = useMutation(
    trpc.staff.users.create.mutationOptions({
      onSuccess: (res) => {
        setInvited({ token: res.inviteToken, email: res.user.email });
        setUserFor(null);
      },
    }),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const listError = errorInfo(list.error);

  return (
    <>
      <PageTitle title={t('orgs.title')} subtitle={t('orgs.subtitle')} />
      <div className="space-y-4">
        {invited ? <InviteLink token={invited.token} email={invited.email} /> : null}
        <Card>
          <form
            className="mb-4 flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              setSearch(q.trim());
            }}
          >
            <label className="text-sm">
              <span className="mb-1 block text-slate-600">{t('fields.type')}</span>
              <Select data-testid="filter-type" value={type} onChange={(e) => setType(e.target.value as OrgType | '')}>
                <option value="">{t('common.all')}</option>
                {ORG_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`orgType.${v}`)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              <span className="mb-1 block text-slate-600">{t('fields.status')}</span>
              <Select data-testid="filter-status" value={status} onChange={(e) => setStatus(e.target.value as OrgStatus | '')}>
                <option value="">{t('common.all')}</option>
                {ORG_STATUSES.map((v) => (
                  <option key={v} value={v}>
                    {t(`orgStatus.${v}`)}
                  </option>
                ))}
              </Select>
            </label>
            <label className="min-w-64 flex-1 text-sm">
              <span className="mb-1 block text-slate-600">{t('fields.q')}</span>
              <Input data-testid="filter-q" value={q} placeholder={t('orgs.searchPlaceholder')} onChange={(e) => setQ(e.target.value)} />
            </label>
            <Button type="submit" variant="secondary">
              {t('common.search')}
            </Button>
          </form>
          {listError ? <p className="mb-2 text-sm text-red-700">{listError.message}</p> : null}
          <Table
            testId="orgs-table"
            head={[t('overview.orgName'), t('fields.creditCode'), t('fields.type'), t('fields.status'), t('overview.since'), '']}
          >
            {list.isPending ? (
              <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={6}>{t('orgs.empty')}</EmptyRow>
            ) : (
              rows.map((o) => (
                <tr key={o.id} data-testid="org-row">
                  <Td className="font-medium text-slate-900">{o.name}</Td>
                  <Td className="font-mono text-xs">{o.creditCode}</Td>
                  <Td>{t(`orgType.${o.type}`)}</Td>
                  <Td>
                    <Badge tone={ORG_STATUS_TONE[o.status]}>{t(`orgStatus.${o.status}`)}</Badge>
                  </Td>
                  <Td>{formatDate(o.createdAt)}</Td>
                  <Td className="text-right">
                    {canSetStatus && o.type !== 'platform' ? (
                      <Button variant="ghost" data-testid={`status-${o.creditCode}`} onClick={() => { setOrgStatus.reset(); setStatusFor(o); }}>
                        {t('orgs.changeStatus')}
                      </Button>
                    ) : null}
                    {canCreateUsers ? (
                      <Button variant="ghost" data-testid={`add-user-${o.creditCode}`} onClick={() => { createUser.reset(); setUserFor(o); }}>
                        {t('orgs.addUser')}
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))
            )}
          </Table>
          {list.hasNextPage ? (
            <div className="mt-3 text-center">
              <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </div>
          ) : null}
        </Card>
      </div>
      <Dialog open={statusFor !== null} title={t('orgs.changeStatusOf', { name: statusFor?.name ?? '' })} onClose={() => setStatusFor(null)}>
        {statusFor ? (
          <SetStatusForm
            current={statusFor.status}
            isPending={setOrgStatus.isPending}
            error={errorInfo(setOrgStatus.error)}
            onSubmit={(v) => setOrgStatus.mutate({ orgId: statusFor.id, ...v })}
            onCancel={() => setStatusFor(null)}
          />
        ) : null}
      </Dialog>
      <Dialog open={userFor !== null} title={t('orgs.addUserTo', { name: userFor?.name ?? '' })} onClose={() => setUserFor(null)}>
        {userFor ? (
          <NewUserForm
            orgType={userFor.type}
            isPending={createUser.isPending}
            error={errorInfo(createUser.error)}
            onSubmit={(v) => createUser.mutate({ orgId: userFor.id, ...v })}
            onCancel={() => setUserFor(null)}
          />
        ) : null}
      </Dialog>
    </>
  );
};
