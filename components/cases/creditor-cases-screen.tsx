'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { ZRecallForm } from '@/server/api/routers/cases/cases.schema';
import { useZodForm } from '../forms/use-zod-form';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Input } from '../ui/field';
import { useSelection } from '../ui/selection';
import { LoadMore, rowsOf } from '../ui/load-more';
import { CaseFilters, type CaseFilterValues } from './case-filters';
import { CasesTable } from './cases-table';
import { creditorCasesInput } from './queries';
import { pagedFresh } from '../trpc/paging';

/** All of the creditor's cases wherever placed; commissioned ones can be recalled with a reason. */
export const CreditorCasesScreen = ({
  canRecall,
  packageId,
}: {
  canRecall: boolean;
  packageId?: string | undefined;
}) => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const { selected, toggle, clear } = useSelection();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useZodForm(ZRecallForm, { defaultValues: { reason: '' } });
  const list = useInfiniteQuery(
    trpc.cases.list.infiniteQueryOptions(creditorCasesInput(filters, packageId), pagedFresh),
  );
  const rows = rowsOf(list.data);
  const recall = useMutation(
    trpc.cases.recall.mutationOptions({
      onSuccess: () => {
        clear();
        void queryClient.invalidateQueries({ queryKey: trpc.cases.list.pathKey() });
      },
    }),
  );
  const error = errorInfo(recall.error) ?? errorInfo(list.error);
  const canSelect = (id: string) => rows.find((r) => r.id === id)?.agencyName;
  return (
    <>
      <PageTitle
        title={t('cases.title')}
        subtitle={t('cases.subtitle')}
        actions={
          <ExportButton
            request={{ list: 'creditor.cases', filters: { ...filters, ...(packageId ? { packageId } : {}) } }}
          />
        }
      />
      <Card>
        <CaseFilters value={filters} onChange={setFilters} />
        {canRecall ? (
          <form
            className="mb-3 flex flex-wrap items-end gap-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
            noValidate
            onSubmit={handleSubmit((values) => recall.mutate({ caseIds: [...selected], ...values }))}
          >
            <span className="text-sm text-slate-700">{t('cases.selected', { count: selected.size })}</span>
            <Input
              aria-label={t('cases.recallReason')}
              placeholder={t('cases.recallReason')}
              {...register('reason')}
              invalid={Boolean(errors.reason)}
              className="max-w-sm"
              data-testid="recall-reason"
            />
            <Button
              type="submit"
              variant="danger"
              disabled={selected.size === 0 || recall.isPending}
              data-testid="recall-submit"
            >
              {t('cases.recall')}
            </Button>
            {recall.data ? (
              <span className="text-sm text-emerald-700" data-testid="recall-done">
                {t('cases.recalled', { count: recall.data.recalled })}
              </span>
            ) : null}
            {errors.reason?.message ? (
              <span className="text-xs text-red-600" data-testid="recall-reason-error">
                {errors.reason.message}
              </span>
            ) : null}
          </form>
        ) : null}
        {error ? <Alert testId="cases-error">{error.message}</Alert> : null}
        <CasesTable
          items={rows}
          isLoading={list.isPending}
          selected={selected}
          onToggle={canRecall ? (id) => canSelect(id) && toggle(id) : undefined}
          extra={{ head: t('cases.agency'), cell: (c) => c.agencyName ?? '—' }}
          linkOf={(c) => `/creditor/cases/${c.id}`}
        />
        <LoadMore list={list} />
      </Card>
    </>
  );
};
