'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { OrgType } from '@/db/enums';
import { formatDateTime } from '../format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { EmptyRow, Table, Td } from '../ui/table';
import { InviteLink } from './invite-link';
import { NewUserForm } from './new-user-form';

/** The organization's own users: list, invite, disable. The organization comes from the session. */
export const UsersScreen = ({ orgType, canManage, selfId }: { orgType: OrgType; canManage: boolean; selfId: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isInviteOpen, setInviteOpen] = useState(false);
  const [invited, setInvited] = useState<{ token: string; email: string } | null>(null);

  const list = useInfiniteQuery(
    trpc.org.users.list.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.org.users.list.pathKey() });
  const invite = useMutation(
    trpc.org.users.invite.mutationOptions({
      onSuccess: (res) => {
        setInvited({ token: res.inviteToken, email: res.user.email });
        setInviteOpen(false);
        void refresh();
      },
    }),
  );
  const disable = useMutation(trpc.org.users.disable.mutationOptions({ onSuccess: () => void refresh() }));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const disableError = errorInfo(disable.error);

  return (
    <>
      <PageTitle
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          canManage ? (
            <Button
              data-testid="invite-open"
              onClick={() => {
                invite.reset();
                setInviteOpen(true);
              }}
            >
              {t('users.invite')}
            </Button>
          ) : null
        }
      />
      <div className="space-y-4">
        {invited ? <InviteLink token={invited.token} email={invited.email} /> : null}
        {disableError ? <Alert>{disableError.message}</Alert> : null}
        <Card>
          <Table
            testId="users-table"
            head={[t('fields.name'), t('fields.email'), t('fields.role'), t('users.state'), t('users.lastSignIn'), canManage ? '' : null].filter((h) => h !== null)}
          >
            {list.isPending ? (
              <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={6}>{t('users.empty')}</EmptyRow>
            ) : (
              rows.map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <Td className="font-medium text-slate-900">{u.name}</Td>
                  <Td>{u.email}</Td>
                  <Td>{t(`roles.${orgType}.${u.role}`)}</Td>
                  <Td>
                    {u.disabledAt ? (
                      <Badge tone="red">{t('users.disabled')}</Badge>
                    ) : u.isInvitePending ? (
                      <Badge tone="blue">{t('users.invited')}</Badge>
                    ) : (
                      <Badge tone="green">{t('users.active')}</Badge>
                    )}
                  </Td>
                  <Td>{formatDateTime(u.lastSignInAt)}</Td>
                  {canManage ? (
                    <Td className="text-right">
                      {!u.disabledAt && u.id !== selfId ? (
                        <Button
                          variant="ghost"
                          className="text-red-700"
                          disabled={disable.isPending}
                          data-testid={`disable-${u.email}`}
                          onClick={() => {
                            if (window.confirm(t('users.confirmDisable', { name: u.name }))) disable.mutate({ userId: u.id });
                          }}
                        >
                          {t('users.disable')}
                        </Button>
                      ) : null}
                    </Td>
                  ) : null}
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
      <Dialog open={isInviteOpen} title={t('users.invite')} onClose={() => setInviteOpen(false)}>
        <NewUserForm
          orgType={orgType}
          isPending={invite.isPending}
          error={errorInfo(invite.error)}
          onSubmit={(v) => invite.mutate(v)}
          onCancel={() => setInviteOpen(false)}
        />
      </Dialog>
    </>
  );
};
