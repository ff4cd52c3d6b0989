'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { API_KEY_MARK } from '@/lib/api-scopes';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { KeySecret } from './key-secret';
import { NewKeyForm } from './new-key-form';

type KeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  rateLimit: number;
  expiresAt: Date | null;
  createdAt: Date;
  createdByName: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

const stateOf = (k: KeyRow, now: number) =>
  k.revokedAt ? 'revoked' : k.expiresAt && k.expiresAt.getTime() <= now ? 'expired' : 'active';
const TONE = { active: 'green', revoked: 'red', expired: 'slate' } as const;

/** The organization's API keys: its admins create one per system, see when each was last used, revoke them. */
export const ApiKeysScreen = ({ orgType }: { orgType: 'creditor' | 'agency' }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const list = useInfiniteQuery(
    trpc.apiKeys.list.infiniteQueryOptions({ limit: 25 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.pathKey() });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: (res) => {
        setMade({ name: res.key.name, secret: res.secret });
        setCreateOpen(false);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const rows: KeyRow[] = rowsOf(list.data);
  const now = Date.now();
  const head = [
    t('apiKeys.name'),
    t('apiKeys.key'),
    t('apiKeys.scopes'),
    t('apiKeys.rateLimit'),
    t('apiKeys.state'),
    t('apiKeys.createdBy'),
    t('apiKeys.lastUsed'),
    '',
  ];
  const revokeError = errorInfo(revoke.error);

  return (
    <>
      <PageTitle
        title={t('apiKeys.title')}
        subtitle={t('apiKeys.subtitle')}
        actions={
          <>
            <a
              href="/developers"
              className="rounded-md px-3 py-2 text-sm font-medium text-sky-700 hover:bg-sky-50"
              data-testid="developers-link"
            >
              {t('apiKeys.reference')}
            </a>
            <Button
              data-testid="key-create-open"
              onClick={() => {
                create.reset();
                setCreateOpen(true);
              }}
            >
              {t('apiKeys.create')}
            </Button>
          </>
        }
      />
      <div className="space-y-4">
        {made ? <KeySecret name={made.name} secret={made.secret} onDone={() => setMade(null)} /> : null}
        {revokeError ? <Alert>{revokeError.message}</Alert> : null}
        <Card>
          <Table testId="keys-table" head={head}>
            {list.isPending ? (
              <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
            ) : rows.length === 0 ? (
              <EmptyRow colSpan={head.length}>{t('apiKeys.empty')}</EmptyRow>
            ) : (
              rows.map((k) => {
                const state = stateOf(k, now);
                return (
                  <tr key={k.id} data-testid="key-row">
                    <Td className="font-medium text-slate-900">{k.name}</Td>
                    <Td>
                      <code className="font-mono text-xs text-slate-700">
                        {API_KEY_MARK}
                        {k.prefix}…
                      </code>
                    </Td>
                    <Td>
                      <span className="flex flex-wrap gap-1">
                        {k.scopes.map((s) => (
                          <Badge key={s} tone="blue">
                            {s}
                          </Badge>
                        ))}
                      </span>
                    </Td>
                    <Td>{t('apiKeys.perMinute', { n: k.rateLimit })}</Td>
                    <Td>
                      <Badge tone={TONE[state]}>{t(`apiKeys.states.${state}`)}</Badge>
                      {k.expiresAt && state === 'active' ? (
                        <span className="mt-1 block text-xs text-slate-500">
                          {t('apiKeys.expiresAt', { at: formatDateTime(k.expiresAt) })}
                        </span>
                      ) : null}
                    </Td>
                    <Td>
                      {k.createdByName}
                      <span className="block text-xs text-slate-500">{formatDateTime(k.createdAt)}</span>
                    </Td>
                    <Td>
                      {k.lastUsedAt ? (
                        <>
                          {formatDateTime(k.lastUsedAt)}
                          <span className="block font-mono text-xs text-slate-500">{k.lastUsedIp ?? ''}</span>
                        </>
                      ) : (
                        <span className="text-slate-400">{t('apiKeys.neverUsed')}</span>
                      )}
                    </Td>
                    <Td className="text-right">
                      {state === 'active' ? (
                        <Button
                          variant="dangerGhost"
                          disabled={revoke.isPending}
                          data-testid={`revoke-${k.name}`}
                          onClick={() => {
                            if (window.confirm(t('apiKeys.confirmRevoke', { name: k.name })))
                              revoke.mutate({ keyId: k.id });
                          }}
                        >
                          {t('apiKeys.revoke')}
                        </Button>
                      ) : null}
                    </Td>
                  </tr>
                );
              })
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
      </div>
      <Dialog open={isCreateOpen} title={t('apiKeys.create')} onClose={() => setCreateOpen(false)}>
        <NewKeyForm
          orgType={orgType}
          isPending={create.isPending}
          error={errorInfo(create.error)}
          onSubmit={(v) => create.mutate(v)}
          onCancel={() => setCreateOpen(false)}
        />
      </Dialog>
    </>
  );
};
