'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { TDevSms } from '@/server/api/routers/dev-sms/dev-sms.schema';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, type Tone } from '../ui/badge';
import { Card } from '../ui/card';
import { Input } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

/** New messages appear without a reload: a code asked for in another tab shows within seconds. */
const REFRESH_MS = 3_000;
const STATUS_TONE: Record<TDevSms['status'], Tone> = { queued: 'amber', sent: 'green', failed: 'red' };
const next = { getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined };

/** The SMS outbox, newest first, each message whole (development and browser tests only). */
export const SmsOutbox = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [typed, setTyped] = useState('');
  // Only a whole 4 digits filter; anything shorter shows every message.
  const last4 = /^\d{4}$/.test(typed) ? typed : null;
  const list = useInfiniteQuery({
    ...trpc.devSms.list.infiniteQueryOptions({ limit: 50, last4 }, next),
    refetchInterval: REFRESH_MS,
  });
  const error = errorInfo(list.error);
  const rows = rowsOf(list.data);
  return (
    <Card
      title={t('devSms.listTitle')}
      actions={
        <Filter label={t('devSms.last4')}>
          <Input
            inputMode="numeric"
            maxLength={4}
            value={typed}
            onChange={(e) => setTyped(e.target.value.replace(/\D/g, ''))}
            placeholder="5678"
            className="w-24"
            data-testid="sms-last4"
          />
        </Filter>
      }
    >
      {error ? <Alert>{error.message}</Alert> : null}
      <Table
        testId="sms-table"
        head={[
          t('devSms.at'),
          t('devSms.kind'),
          t('devSms.to'),
          t('devSms.text'),
          t('devSms.status'),
          t('devSms.provider'),
        ]}
      >
        {list.isPending ? (
          <EmptyRow colSpan={6}>{t('common.loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={6}>{t('devSms.none')}</EmptyRow>
        ) : (
          rows.map((m) => (
            <tr key={m.id} data-testid="sms-row" data-to={m.toMasked} data-kind={m.kind}>
              <Td className="font-mono text-xs">{formatDateTime(m.createdAt)}</Td>
              <Td>{t(`devSms.kinds.${m.kind}`)}</Td>
              <Td className="font-mono text-xs">{m.toMasked}</Td>
              <Td className="text-slate-900">
                {/* The cell's own nowrap would push status and provider out of sight: the text wraps. */}
                <span className="block min-w-64 max-w-md whitespace-normal" data-testid="sms-text">
                  {m.text}
                </span>
              </Td>
              <Td>
                <Badge tone={STATUS_TONE[m.status]}>{t(`devSms.statuses.${m.status}`)}</Badge>
                {m.error ? <span className="ml-2 font-mono text-xs text-red-700">{m.error}</span> : null}
              </Td>
              <Td className="font-mono text-xs">{m.provider ?? '—'}</Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};
