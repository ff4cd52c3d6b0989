'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { REPAYMENT_STATUSES, type RepaymentStatus } from '@/lib/enums';
import type { TRepaymentListItem } from '@/server/api/routers/repayments/repayments.schema';
import { formatFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Input, Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { REPAYMENT_TONE } from './repayment-views';
import { ImportHistory } from '../cases/imports-screen';
import { ImportUpload } from '../cases/import-upload';

/** What the creditor may do with one repayment: confirm or dispute a report, reverse a confirmed one. */
const Decide = ({ r, onDone }: { r: TRepaymentListItem; onDone: () => void }) => {
  const t = useTranslations('repayments');
  const trpc = useTRPC();
  const [note, setNote] = useState('');
  const decide = useMutation(trpc.repayments.decide.mutationOptions({ onSuccess: onDone }));
  const reverse = useMutation(trpc.repayments.reverse.mutationOptions({ onSuccess: onDone }));
  const error = errorInfo(decide.error) ?? errorInfo(reverse.error);
  if (r.status !== 'reported' && r.status !== 'confirmed') return null;
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        {r.status === 'reported' ? (
          <>
            <Button
              onClick={() => decide.mutate({ repaymentId: r.id, confirm: true, note })}
              disabled={decide.isPending}
              data-testid="repayment-confirm"
            >
              {t('confirm')}
            </Button>
            <Input
              aria-label={t('disputeNote')}
              placeholder={t('disputeNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className="w-40"
            />
            <Button
              variant="secondary"
              onClick={() => decide.mutate({ repaymentId: r.id, confirm: false, note })}
              disabled={decide.isPending || note.trim().length < 2}
              data-testid="repayment-dispute"
            >
              {t('dispute')}
            </Button>
          </>
        ) : (
          <>
            <Input
              aria-label={t('reverseReason')}
              placeholder={t('reverseReason')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className="w-40"
            />
            <Button
              variant="dangerGhost"
              onClick={() => reverse.mutate({ repaymentId: r.id, reason: note })}
              disabled={reverse.isPending || note.trim().length < 2}
              data-testid="repayment-reverse"
            >
              {t('reverse')}
            </Button>
          </>
        )}
      </div>
      {error ? <p className="text-xs text-red-600">{error.message}</p> : null}
    </div>
  );
};

/** The creditor's repayments: reports waiting for an answer first, then every status on demand. */
export const CreditorRepaymentsScreen = ({ canDecide }: { canDecide: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RepaymentStatus | ''>('reported');
  const list = useInfiniteQuery(
    trpc.repayments.list.infiniteQueryOptions(
      { limit: 30, ...(status ? { status } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.repayments.list.pathKey() });
  const head = [
    t('repayments.case'),
    t('repayments.agency'),
    t('repayments.amount'),
    t('repayments.paidOn'),
    t('repayments.channel'),
    t('repayments.payer'),
    t('repayments.statusFilter'),
    '',
  ];
  return (
    <>
      <PageTitle
        title={t('repayments.listTitle')}
        subtitle={t('repayments.listSubtitle')}
        actions={<ExportButton request={{ list: 'creditor.repayments', filters: status ? { status } : {} }} />}
      />
      <Card>
        <div className="mb-3">
          <Filter label={t('repayments.statusFilter')}>
            <Select
              className="w-48"
              value={status}
              onChange={(e) => setStatus(e.target.value as RepaymentStatus | '')}
              data-testid="repayment-status-filter"
            >
              <option value="">{t('repayments.allStatuses')}</option>
              {REPAYMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`repayments.status.${s}`)}
                </option>
              ))}
            </Select>
          </Filter>
        </div>
        {error ? <Alert testId="repayments-error">{error.message}</Alert> : null}
        <Table testId="repayment-list" head={head}>
          {list.isPending ? (
            <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
          ) : rows.length === 0 ? (
            <EmptyRow colSpan={head.length}>{t('repayments.empty')}</EmptyRow>
          ) : (
            rows.map((r) => (
              <tr key={r.id} data-testid="repayment-row">
                <Td className="font-mono text-xs">
                  <Link className="text-amber-700 underline" href={`/creditor/cases/${r.caseId}`}>
                    {r.contractNo}
                  </Link>
                </Td>
                <Td>{r.agencyName ?? '—'}</Td>
                <Td className="tabular-nums">{formatFen(r.amount)}</Td>
                <Td className="font-mono text-xs">{r.paidOn}</Td>
                <Td>{t(`repayments.channels.${r.channel}`)}</Td>
                <Td className="text-xs">
                  {r.payer}
                  {r.reference ? <span className="block font-mono text-slate-500">{r.reference}</span> : null}
                  {r.receiptFileId ? (
                    <a
                      className="block text-amber-700 underline"
                      href={`/api/files/${r.receiptFileId}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {t('repayments.viewReceipt')}
                    </a>
                  ) : null}
                </Td>
                <Td>
                  <Badge tone={REPAYMENT_TONE[r.status]}>{t(`repayments.status.${r.status}`)}</Badge>
                  {r.decisionNote ? <span className="block text-xs text-slate-500">{r.decisionNote}</span> : null}
                </Td>
                <Td>{canDecide ? <Decide r={r} onDone={refresh} /> : null}</Td>
              </tr>
            ))
          )}
        </Table>
        <LoadMore list={list} />
      </Card>
      <div className="mt-6 space-y-6">
        {canDecide ? <ImportUpload kind="repayments" /> : null}
        <ImportHistory kind="repayments" />
      </div>
    </>
  );
};
