'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { REPAYMENT_STATUSES, type RepaymentStatus } from '@/lib/enums';
import {
  ZDecideRepaymentForm,
  ZReverseRepaymentForm,
  type TRepaymentListItem,
} from '@/server/api/routers/repayments/repayments.schema';
import { formatFen } from '@/lib/format';
import { fieldMessage, useZodForm } from '../forms/use-zod-form';
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

/** Confirming a report, or disputing it with a reason. */
const DecideReport = ({ r, onDone }: { r: TRepaymentListItem; onDone: () => void }) => {
  const t = useTranslations('repayments');
  const trpc = useTRPC();
  const decide = useMutation(trpc.repayments.decide.mutationOptions({ onSuccess: onDone }));
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useZodForm(ZDecideRepaymentForm, { defaultValues: { confirm: true, note: '' } });
  const error = errorInfo(decide.error);
  const message = fieldMessage(errors, error, 'note') ?? error?.message;
  const send = (confirm: boolean) => {
    setValue('confirm', confirm);
    void handleSubmit((values) => decide.mutate({ repaymentId: r.id, ...values }))();
  };
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => send(true)} disabled={decide.isPending} data-testid="repayment-confirm">
          {t('confirm')}
        </Button>
        <Input
          aria-label={t('disputeNote')}
          placeholder={t('disputeNote')}
          {...register('note')}
          invalid={Boolean(errors.note)}
          className="w-40"
        />
        <Button
          variant="secondary"
          onClick={() => send(false)}
          disabled={decide.isPending}
          data-testid="repayment-dispute"
        >
          {t('dispute')}
        </Button>
      </div>
      {message ? <p className="text-xs text-red-600">{message}</p> : null}
    </div>
  );
};

/** Reversing a confirmed repayment, for a reason. */
const Reverse = ({ r, onDone }: { r: TRepaymentListItem; onDone: () => void }) => {
  const t = useTranslations('repayments');
  const trpc = useTRPC();
  const reverse = useMutation(trpc.repayments.reverse.mutationOptions({ onSuccess: onDone }));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZReverseRepaymentForm, { defaultValues: { reason: '' } });
  const error = errorInfo(reverse.error);
  const message = fieldMessage(errors, error, 'reason') ?? error?.message;
  return (
    <form
      className="space-y-1"
      noValidate
      onSubmit={handleSubmit((values) => reverse.mutate({ repaymentId: r.id, ...values }))}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Input
          aria-label={t('reverseReason')}
          placeholder={t('reverseReason')}
          {...register('reason')}
          invalid={Boolean(errors.reason)}
          className="w-40"
        />
        <Button type="submit" variant="dangerGhost" disabled={reverse.isPending} data-testid="repayment-reverse">
          {t('reverse')}
        </Button>
      </div>
      {message ? <p className="text-xs text-red-600">{message}</p> : null}
    </form>
  );
};

/** What the creditor may do with one repayment: confirm or dispute a report, reverse a confirmed one. */
const Decide = ({ r, onDone }: { r: TRepaymentListItem; onDone: () => void }) =>
  r.status === 'reported' ? (
    <DecideReport r={r} onDone={onDone} />
  ) : r.status === 'confirmed' ? (
    <Reverse r={r} onDone={onDone} />
  ) : null;

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
                  {r.reportedByName === null ? (
                    <span className="block text-xs text-slate-500">
                      {t('repayments.byProvider', { channel: t(`repayments.channels.${r.channel}`) })}
                    </span>
                  ) : null}
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
