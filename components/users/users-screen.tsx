'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { OrgType } from '@/lib/enums';
import { ExportButton } from '../exports/export-button';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { RevealWithReason } from '../work/reveal-button';
import { Dialog } from '../ui/dialog';
import { InviteLink } from './invite-link';
import { NewUserForm } from './new-user-form';
import { UsersTable } from './users-table';

/** The organization's own users: list, invite, disable. The organization comes from the session. */
export const UsersScreen = ({
  orgType,
  canManage,
  selfId,
}: {
  orgType: OrgType;
  canManage: boolean;
  selfId: string;
}) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isInviteOpen, setInviteOpen] = useState(false);
  const [invited, setInvited] = useState<{ token: string; email: string } | null>(null);

  const list = useInfiniteQuery(
    trpc.org.users.list.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
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
  const rows = rowsOf(list.data);
  const disableError = errorInfo(disable.error);

  return (
    <>
      <PageTitle
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <>
            <ExportButton request={{ list: 'users', filters: {} }} />
            {canManage ? (
              <Button
                data-testid="invite-open"
                onClick={() => {
                  invite.reset();
                  setInviteOpen(true);
                }}
              >
                {t('users.invite')}
              </Button>
            ) : null}
          </>
        }
      />
      <div className="space-y-4">
        {invited ? <InviteLink token={invited.token} email={invited.email} /> : null}
        {disableError ? <Alert>{disableError.message}</Alert> : null}
        <Card>
          <UsersTable
            orgType={orgType}
            rows={rows}
            isLoading={list.isPending}
            selfId={selfId}
            isDisabling={disable.isPending}
            onDisable={canManage ? (u) => disable.mutate({ userId: u.id }) : undefined}
            revealPhone={
              canManage
                ? (u) => (
                    <RevealWithReason
                      options={trpc.org.users.revealPhone.mutationOptions()}
                      inputFor={(reason) => ({ userId: u.id, reason })}
                      testId={`reveal-phone-${u.email}`}
                    />
                  )
                : undefined
            }
          />
          <LoadMore list={list} />
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
