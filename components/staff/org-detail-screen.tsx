'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDate } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, ORG_STATUS_TONE } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { Dialog } from '../ui/dialog';
import { InviteLink } from '../users/invite-link';
import { NewUserForm } from '../users/new-user-form';
import { UsersTable } from '../users/users-table';
import { RevealWithReason } from '../work/reveal-button';
import { SetStatusForm, statusTargets } from './set-status-form';

/** One organization as staff see it: profile, status with its history in the audit log, and its accounts. */
export const OrgDetailScreen = ({
  orgId,
  canSetStatus,
  canManageUsers,
}: {
  orgId: string;
  canSetStatus: boolean;
  canManageUsers: boolean;
}) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isStatusOpen, setStatusOpen] = useState(false);
  const [isUserOpen, setUserOpen] = useState(false);
  const [invited, setInvited] = useState<{ token: string; email: string } | null>(null);

  const org = useQuery(trpc.staff.orgs.get.queryOptions({ orgId }));
  const users = useInfiniteQuery(
    trpc.staff.users.list.infiniteQueryOptions(
      { orgId, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.staff.orgs.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.staff.users.list.pathKey() }),
    ]);
  const setStatus = useMutation(
    trpc.staff.orgs.setStatus.mutationOptions({
      onSuccess: () => {
        setStatusOpen(false);
        void refresh();
      },
    }),
  );
  const createUser = useMutation(
    trpc.staff.users.create.mutationOptions({
      onSuccess: (res) => {
        setInvited({ token: res.inviteToken, email: res.user.email });
        setUserOpen(false);
        void refresh();
      },
    }),
  );
  const disable = useMutation(trpc.staff.users.disable.mutationOptions({ onSuccess: () => void refresh() }));

  const loadError = errorInfo(org.error);
  if (loadError) return <Alert testId="org-error">{loadError.message}</Alert>;
  if (!org.data) return <p className="text-sm text-slate-500">{t('common.loading')}</p>;
  const o = org.data;
  const rows = rowsOf(users.data);
  const disableError = errorInfo(disable.error);

  return (
    <>
      <PageTitle
        title={o.name}
        subtitle={
          <Link href="/staff/orgs" className="text-amber-700 hover:underline">
            ← {t('orgs.title')}
          </Link>
        }
        actions={
          <>
            {canSetStatus && o.type !== 'platform' && statusTargets(o.type, o.status).length > 0 ? (
              <Button
                variant="secondary"
                data-testid="open-set-status"
                onClick={() => {
                  setStatus.reset();
                  setStatusOpen(true);
                }}
              >
                {t('orgs.changeStatus')}
              </Button>
            ) : null}
            {canManageUsers ? (
              <Button
                data-testid="open-add-user"
                onClick={() => {
                  createUser.reset();
                  setUserOpen(true);
                }}
              >
                {t('orgs.addUser')}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="space-y-4">
        {invited ? <InviteLink token={invited.token} email={invited.email} /> : null}
        {disableError ? <Alert>{disableError.message}</Alert> : null}
        <Card title={t('orgs.profile')}>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3" data-testid="org-profile">
            <div>
              <dt className="text-slate-500">{t('fields.type')}</dt>
              <dd>{t(`orgType.${o.type}`)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('fields.creditCode')}</dt>
              <dd className="font-mono">{o.creditCode}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('fields.status')}</dt>
              <dd>
                <span data-testid="org-status">
                  <Badge tone={ORG_STATUS_TONE[o.status]}>{t(`orgStatus.${o.status}`)}</Badge>
                </span>
                {canSetStatus && (o.status === 'applicant' || o.status === 'expired') ? (
                  <p className="mt-1 text-xs text-slate-500" data-testid="status-by-admission">
                    {t(o.status === 'applicant' ? 'orgs.admittedByReview' : 'orgs.renewedByReview')}{' '}
                    <Link href="/staff/admission" className="text-amber-700 hover:underline">
                      {t('orgs.toAdmission')}
                    </Link>
                  </p>
                ) : null}
                {canSetStatus && o.status === 'banned' ? (
                  <p className="mt-1 text-xs text-slate-500" data-testid="status-final">
                    {t('orgs.statusFinal')}
                  </p>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('orgs.region')}</dt>
              <dd>{[o.province, o.city].filter(Boolean).join(' ') || '—'}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('overview.activeUsers')}</dt>
              <dd>{o.activeUserCount}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('overview.since')}</dt>
              <dd>{formatDate(o.createdAt)}</dd>
            </div>
          </dl>
        </Card>
        <Card title={t('orgs.accounts')}>
          <UsersTable
            orgType={o.type}
            rows={rows}
            isLoading={users.isPending}
            selfId={null}
            isDisabling={disable.isPending}
            onDisable={canManageUsers ? (u) => disable.mutate({ userId: u.id }) : undefined}
            revealPhone={
              canManageUsers
                ? (u) => (
                    <RevealWithReason
                      options={trpc.staff.users.revealPhone.mutationOptions()}
                      inputFor={(reason) => ({ userId: u.id, reason })}
                      testId={`reveal-phone-${u.email}`}
                    />
                  )
                : undefined
            }
          />
          <LoadMore list={users} />
        </Card>
      </div>
      <Dialog
        open={isStatusOpen}
        title={t('orgs.changeStatusOf', { name: o.name })}
        onClose={() => setStatusOpen(false)}
      >
        <SetStatusForm
          orgType={o.type}
          current={o.status}
          isPending={setStatus.isPending}
          error={errorInfo(setStatus.error)}
          onSubmit={(v) => setStatus.mutate({ orgId: o.id, ...v })}
          onCancel={() => setStatusOpen(false)}
        />
      </Dialog>
      <Dialog open={isUserOpen} title={t('orgs.addUserTo', { name: o.name })} onClose={() => setUserOpen(false)}>
        <NewUserForm
          orgType={o.type}
          isPending={createUser.isPending}
          error={errorInfo(createUser.error)}
          onSubmit={(v) => createUser.mutate({ orgId: o.id, ...v })}
          onCancel={() => setUserOpen(false)}
        />
      </Dialog>
    </>
  );
};
