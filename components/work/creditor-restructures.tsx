'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { RESTRUCTURE_STATUSES, type RestructureStatus } from '@/lib/enums';
import type { z } from 'zod';
import { formatDateTime } from '@/lib/format';
import { ZDecideRestructureForm } from '@/server/api/routers/restructures/restructures.schema';
import { useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Input, Select } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';
import { RESTRUCTURE_TONE, RestructureSummary } from './restructure-card';

/** Approving or rejecting one request, with a note. */
const DecideRequest = ({
  isPending,
  onDecide,
}: {
  isPending: boolean;
  onDecide: (approve: boolean, values: z.output<typeof ZDecideRestructureForm>) => void;
}) => {
  const t = useTranslations();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZDecideRestructureForm, { defaultValues: { note: '' } });
  const send = (approve: boolean) => handleSubmit((values) => onDecide(approve, values));
  return (
    <div className="flex w-44 flex-col gap-1">
      <Input
        aria-label={t('restructure.note')}
        placeholder={t('restructure.note')}
        {...register('note')}
        invalid={Boolean(errors.note)}
      />
      {errors.note?.message ? <p className="text-xs text-red-600">{errors.note.message}</p> : null}
      <div className="flex gap-1">
        <Button onClick={send(true)} disabled={isPending} data-testid="restructure-approve">
          {t('restructure.approve')}
        </Button>
        <Button variant="dangerGhost" onClick={send(false)} disabled={isPending} data-testid="restructure-reject">
          {t('restructure.reject')}
        </Button>
      </div>
    </div>
  );
};

/** Requests outside the bands wait here for the creditor's decision (3 business days). */
export const CreditorRestructures = ({ canDecide }: { canDecide: boolean }) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<RestructureStatus | ''>('proposed');
  const list = useInfiniteQuery(
    trpc.restructures.list.infiniteQueryOptions(
      { limit: 30, ...(status ? { status } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const decide = useMutation(
    trpc.restructures.decide.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.restructures.list.pathKey() }),
    }),
  );
  const error = errorInfo(decide.error);
  const rows = rowsOf(list.data);
  return (
    <>
      <PageTitle
        title={t('restructure.creditorTitle')}
        subtitle={t('restructure.creditorSubtitle')}
        actions={<ExportButton request={{ list: 'creditor.restructures', filters: status ? { status } : {} }} />}
      />
      <Card
        actions={
          <Select
            aria-label={t('restructure.statusFilter')}
            value={status}
            onChange={(e) => setStatus(e.target.value as RestructureStatus | '')}
            data-testid="restructure-status-filter"
          >
            <option value="">{t('packages.allStatuses')}</option>
            {RESTRUCTURE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`restructure.status.${s}`)}
              </option>
            ))}
          </Select>
        }
        title={t('restructure.requests')}
      >
        {error ? <Alert testId="decide-error">{error.message}</Alert> : null}
        <Table
          testId="restructures-table"
          head={[
            t('cases.contractNo'),
            t('restructure.request'),
            t('restructure.deadline'),
            t('restructure.statusLabel'),
            '',
          ]}
        >
          {rows.length === 0 ? (
            <EmptyRow colSpan={5}>{t('restructure.none')}</EmptyRow>
          ) : (
            rows.map((r) => (
              <tr key={r.id} data-testid="restructure-request">
                <Td className="font-mono text-xs">{r.contractNo}</Td>
                <Td className="whitespace-normal">
                  <div className="w-96">
                    <RestructureSummary r={r} />
                  </div>
                </Td>
                <Td className="font-mono text-xs">
                  {r.status === 'proposed' ? formatDateTime(r.expiresAt) : formatDateTime(r.decidedAt)}
                </Td>
                <Td>
                  <Badge tone={RESTRUCTURE_TONE[r.status] ?? 'slate'}>{t(`restructure.status.${r.status}`)}</Badge>
                  {r.decisionNote ? <div className="text-xs text-slate-500">{r.decisionNote}</div> : null}
                </Td>
                <Td>
                  {r.status === 'proposed' && canDecide ? (
                    <DecideRequest
                      isPending={decide.isPending}
                      onDecide={(approve, values) => decide.mutate({ requestId: r.id, approve, ...values })}
                    />
                  ) : null}
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
