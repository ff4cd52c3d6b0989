'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import type { WebhookEventType } from '@/lib/webhook-events';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { Dialog } from '../ui/dialog';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { NewEndpointForm } from './new-endpoint-form';

const STATUS_TONE = {
  active: 'green',
  disabled: 'slate',
  pending: 'amber',
  delivered: 'green',
  failed: 'red',
} as const;

/** One endpoint's deliveries, newest first, each attempt's status code, and a re-send of any not delivered. */
const Deliveries = ({ endpointId }: { endpointId: string }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.webhooks.deliveries.infiniteQueryOptions(
      { endpointId, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const resend = useMutation(
    trpc.webhooks.resend.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.pathKey() }),
    }),
  );
  const rows = rowsOf(list.data);
  const resendError = errorInfo(resend.error);
  return (
    <div className="space-y-2">
      {resend.isSuccess ? <Alert tone="success">{t('webhooks.resent')}</Alert> : null}
      {resendError ? <Alert>{resendError.message}</Alert> : null}
      <Table
        testId="webhook-deliveries"
        head={[t('webhooks.eventColumn'), t('webhooks.status'), t('webhooks.attempts'), t('webhooks.nextAttempt'), '']}
      >
        {rows.length === 0 ? (
          <EmptyRow colSpan={5}>{list.isPending ? t('common.loading') : t('webhooks.noDeliveries')}</EmptyRow>
        ) : (
          rows.map((d) => (
            <tr key={d.id} data-testid={`delivery-${d.eventType}`}>
              <Td>
                <code className="text-xs">{d.eventType}</code>
                <div className="text-xs text-slate-500">{formatDateTime(d.createdAt)}</div>
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[d.status]}>{t(`webhooks.deliveryStatus.${d.status}`)}</Badge>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1" data-testid="attempt-codes">
                  {d.log.map((a, i) => (
                    <span
                      key={i}
                      title={`${formatDateTime(a.at)} · ${a.durationMs} ms${a.error ? ` · ${a.error}` : ''}`}
                      className={`rounded px-1.5 font-mono text-xs ${a.statusCode && a.statusCode < 300 ? 'bg-emerald-50 text-emerald-800' : 'bg-red-50 text-red-800'}`}
                    >
                      {a.statusCode ?? t('webhooks.noAnswer')}
                    </span>
                  ))}
                </div>
              </Td>
              <Td>{d.status === 'pending' ? formatDateTime(d.nextAttemptAt) : '—'}</Td>
              <Td>
                {d.status === 'delivered' ? null : (
                  <Button
                    variant="secondary"
                    disabled={resend.isPending}
                    data-testid={`resend-${d.id}`}
                    onClick={() => resend.mutate({ deliveryId: d.id })}
                  >
                    {t('webhooks.resend')}
                  </Button>
                )}
              </Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </div>
  );
};

/** The organization's webhook endpoints: register one (its secret shown once), switch it, read its delivery log. */
export const WebhooksScreen = ({ events }: { events: readonly WebhookEventType[] }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isNewOpen, setNewOpen] = useState(false);
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [shown, setShown] = useState<{ id: string; url: string } | null>(null);
  const list = useInfiniteQuery(
    trpc.webhooks.list.infiniteQueryOptions(
      { limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.pathKey() });
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: (res) => {
        setSecret({ url: res.endpoint.url, secret: res.secret });
        setNewOpen(false);
        void refresh();
      },
    }),
  );
  const disable = useMutation(trpc.webhooks.disable.mutationOptions({ onSuccess: () => void refresh() }));
  const enable = useMutation(trpc.webhooks.enable.mutationOptions({ onSuccess: () => void refresh() }));
  const switchError = errorInfo(disable.error) ?? errorInfo(enable.error);
  const rows = rowsOf(list.data);

  return (
    <>
      <PageTitle
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        actions={
          <Button
            data-testid="webhook-new"
            onClick={() => {
              create.reset();
              setNewOpen(true);
            }}
          >
            {t('webhooks.new')}
          </Button>
        }
      />
      <div className="space-y-4">
        {secret ? (
          <Alert tone="success" testId="webhook-secret">
            <p>{t('webhooks.secretOnce', { url: secret.url })}</p>
            <code className="mt-1 block select-all break-all font-mono text-xs">{secret.secret}</code>
          </Alert>
        ) : null}
        {switchError ? <Alert>{switchError.message}</Alert> : null}
        <Card>
          <Table
            testId="webhook-endpoints"
            head={[t('webhooks.url'), t('webhooks.events'), t('webhooks.status'), t('webhooks.createdBy'), '']}
          >
            {rows.length === 0 ? (
              <EmptyRow colSpan={5}>{list.isPending ? t('common.loading') : t('webhooks.empty')}</EmptyRow>
            ) : (
              rows.map((e) => (
                <tr key={e.id} data-testid="webhook-row">
                  <Td className="max-w-xs truncate font-mono text-xs">{e.url}</Td>
                  <Td>
                    <div className="flex max-w-sm flex-wrap gap-1">
                      {e.eventTypes.map((ev) => (
                        <code key={ev} className="rounded bg-slate-100 px-1 text-xs">
                          {ev}
                        </code>
                      ))}
                    </div>
                  </Td>
                  <Td>
                    <Badge tone={STATUS_TONE[e.status]}>{t(`webhooks.endpointStatus.${e.status}`)}</Badge>
                    {e.disabledReason ? (
                      <div className="mt-1 text-xs text-slate-500">
                        {t(`webhooks.disabledReason.${e.disabledReason}`)} · {formatDateTime(e.disabledAt)}
                      </div>
                    ) : null}
                  </Td>
                  <Td>
                    {e.createdByName}
                    <div className="text-xs text-slate-500">{formatDateTime(e.createdAt)}</div>
                  </Td>
                  <Td className="space-x-1">
                    <Button
                      variant="ghost"
                      data-testid="webhook-log"
                      onClick={() => setShown({ id: e.id, url: e.url })}
                    >
                      {t('webhooks.log')}
                    </Button>
                    {e.status === 'active' ? (
                      <Button
                        variant="dangerGhost"
                        disabled={disable.isPending}
                        onClick={() => disable.mutate({ endpointId: e.id })}
                      >
                        {t('webhooks.disable')}
                      </Button>
                    ) : (
                      <Button
                        variant="secondary"
                        disabled={enable.isPending}
                        onClick={() => enable.mutate({ endpointId: e.id })}
                      >
                        {t('webhooks.enable')}
                      </Button>
                    )}
                  </Td>
                </tr>
              ))
            )}
          </Table>
          <LoadMore list={list} />
        </Card>
        {shown ? (
          <Card>
            <div className="mb-2 flex items-center justify-between">
              <h2 className="text-base font-semibold text-slate-900" data-testid="webhook-log-title">
                {t('webhooks.logOf', { url: shown.url })}
              </h2>
              <Button variant="ghost" onClick={() => setShown(null)}>
                {t('webhooks.closeLog')}
              </Button>
            </div>
            <Deliveries key={shown.id} endpointId={shown.id} />
          </Card>
        ) : null}
      </div>
      <Dialog open={isNewOpen} title={t('webhooks.new')} onClose={() => setNewOpen(false)}>
        <NewEndpointForm
          events={events}
          isPending={create.isPending}
          error={errorInfo(create.error)}
          onSubmit={(v) => create.mutate(v)}
          onCancel={() => setNewOpen(false)}
        />
      </Dialog>
    </>
  );
};
