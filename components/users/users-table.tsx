'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { OrgType, Role } from '@/lib/enums';
import { formatDateTime } from '@/lib/format';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { EmptyRow, Table, Td } from '../ui/table';

export type UserRow = {
  id: string;
  name: string;
  email: string;
  /** Masked (139****5678) unless it is the reader's own number. */
  phone: string | null;
  role: Role;
  disabledAt: Date | null;
  isInvitePending: boolean;
  lastSignInAt: Date | null;
};

/**
 * One organization's users; with `onDisable`, each active user but oneself gets a disable
 * button; with `revealPhone`, each masked number a way to show it whole for a reason.
 */
export const UsersTable = ({
  orgType,
  rows,
  isLoading,
  selfId,
  isDisabling,
  onDisable,
  revealPhone,
}: {
  orgType: OrgType;
  rows: UserRow[];
  isLoading: boolean;
  selfId: string | null;
  isDisabling?: boolean;
  onDisable?: (user: UserRow) => void;
  revealPhone?: (user: UserRow) => ReactNode;
}) => {
  const t = useTranslations();
  const head = [
    t('fields.name'),
    t('fields.email'),
    t('fields.phone'),
    t('fields.role'),
    t('users.state'),
    t('users.lastSignIn'),
  ];
  if (onDisable) head.push('');
  return (
    <Table testId="users-table" head={head}>
      {isLoading ? (
        <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
      ) : rows.length === 0 ? (
        <EmptyRow colSpan={head.length}>{t('users.empty')}</EmptyRow>
      ) : (
        rows.map((u) => (
          <tr key={u.id} data-testid="user-row">
            <Td className="font-medium text-slate-900">{u.name}</Td>
            <Td>{u.email}</Td>
            <Td>
              <span className="inline-flex flex-wrap items-center gap-2">
                <span className="font-mono text-sm" data-testid={`phone-${u.email}`}>
                  {u.phone ?? '—'}
                </span>
                {revealPhone && u.phone && u.id !== selfId ? revealPhone(u) : null}
              </span>
            </Td>
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
            {onDisable ? (
              <Td className="text-right">
                {!u.disabledAt && u.id !== selfId ? (
                  <Button
                    variant="dangerGhost"
                    disabled={isDisabling}
                    data-testid={`disable-${u.email}`}
                    onClick={() => {
                      if (window.confirm(t('users.confirmDisable', { name: u.name }))) onDisable(u);
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
  );
};
