'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { useTRPC } from '../trpc/react';
import { Badge } from '../ui/badge';
import { Card, PageTitle } from '../ui/card';
import { Select } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { HOLD_TONE, isLate } from './holds-card';

/**
 * Cases whose collection stopped because the debtor was reported deceased or disputes the
 * debt: waiting for the creditor's answer (late ones marked), or answered. The answer is
 * given on the case's page, beside its record.
 */
export const CreditorHolds = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const list = useInfiniteQuery(
    trpc.holds.list.infiniteQueryOptions(
      { status, limit: 30 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  return (
    <>
      <PageTitle title={t('holds.listTitle')} subtitle={t('holds.listSubtitle')} />
      <Card
        title={t(`holds.tab.${status}`)}
        actions={
          <Select
            aria-label={t('holds.filter')}
            value={status}
            onChange={(e) => setStatus(e.target.value as 'open' | 'answered')}
            data-testid="holds-filter"
          >
            <option value="open">{t('holds.tab.open')}</option>
            <option value="answered">{t('holds.tab.answered')}</option>
          </Select>
        }
      >
        <Table
          testId="holds-table"
          head={[
            t('cases.contractNo'),
            t('holds.debtor'),
            t('holds.kindLabel'),
            t('record.agency'),
            t('holds.raisedAt'),
            t('holds.due'),
            t('holds.statusLabel'),
          ]}
        >
          {rows.length === 0 ? (
            <EmptyRow colSpan={7}>{t(`holds.none.${status}`)}</EmptyRow>
          ) : (
            rows.map((h) => (
              <tr key={h.id} data-testid="hold-row">
                <Td className="font-mono text-xs">
                  <Link className="text-amber-700 underline" href={`/creditor/cases/${h.caseId}`}>
                    {h.contractNo}
                  </Link>
                </Td>
                <Td>{h.debtorName}</Td>
                <Td className="whitespace-normal">
                  <div className="w-56 whitespace-normal">
                    <div className="font-medium">{t(`holds.kind.${h.kind}`)}</div>
                    {h.note ? <div className="line-clamp-3 text-xs text-slate-500">{h.note}</div> : null}
                    {h.documentName ? (
                      <a
                        href={`/api/hold-documents/${h.id}`}
                        className="text-xs text-amber-700 underline"
                        data-testid="hold-document"
                      >
                        {t('holds.document', { name: h.documentName })}
                      </a>
                    ) : null}
                  </div>
                </Td>
                <Td>{h.origin === 'debtor' ? t('holds.byDebtor') : (h.agencyName ?? '—')}</Td>
                <Td className="font-mono text-xs">{formatDateTime(h.raisedAt)}</Td>
                <Td className="font-mono text-xs">
                  {formatDateTime(h.answerDueAt)}
                  {isLate(h) ? (
                    <span className="ml-1">
                      <Badge tone="red">{t('holds.late')}</Badge>
                    </span>
                  ) : null}
                </Td>
                <Td className="whitespace-normal">
                  <Badge tone={HOLD_TONE[h.status]}>{t(`holds.status.${h.status}`)}</Badge>
                  {h.decisionNote ? <div className="w-56 text-xs text-slate-500">{h.decisionNote}</div> : null}
                </Td>
              </tr>
            ))
          )}
        </Table>
        <LoadMore list={list} />
      </Card>
    </>
  );
};
