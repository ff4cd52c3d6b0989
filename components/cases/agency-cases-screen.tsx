'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import type { Province } from '@/lib/enums';
import { ProvinceSelect } from '../packages/region-selects';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Select } from '../ui/field';
import { useSelection } from '../ui/selection';
import { LoadMore, rowsOf } from '../ui/load-more';
import { CaseFilters, type CaseFilterValues } from './case-filters';
import { CasesTable } from './cases-table';
import { agencyCasesInput, agencyUsersInput } from './queries';
import { pagedFresh } from '../trpc/paging';
import { CollectorQueue } from '../work/collector-queue';

/**
 * Cases commissioned to the agency. Admins and supervisors assign them (chosen ones to a
 * collector, or all unassigned in turn); a collector sees only their own.
 */
export const AgencyCasesScreen = ({ canAssign }: { canAssign: boolean }) =>
  canAssign ? <AgencyCases /> : <CollectorQueue />;

/** Admins and supervisors: every commissioned case, with assignment by selection, in turn or by province. */
const AgencyCases = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<CaseFilterValues>({});
  const [isUnassigned, setUnassigned] = useState(false);
  const { selected, toggle, clear } = useSelection();
  const [collectorId, setCollectorId] = useState('');
  const [ruleProvince, setRuleProvince] = useState<Province | ''>('');
  const list = useInfiniteQuery(
    trpc.cases.agency.list.infiniteQueryOptions(agencyCasesInput(filters, isUnassigned), pagedFresh),
  );
  const users = useQuery(trpc.org.users.list.queryOptions(agencyUsersInput));
  const collectors = (users.data?.items ?? []).filter((u) => u.role === 'collector' && !u.disabledAt);
  const refresh = () => {
    clear();
    void queryClient.invalidateQueries({ queryKey: trpc.cases.agency.list.pathKey() });
  };
  const assign = useMutation(trpc.cases.agency.assign.mutationOptions({ onSuccess: refresh }));
  const byRule = useMutation(trpc.cases.agency.assignByRule.mutationOptions({ onSuccess: refresh }));
  const rows = rowsOf(list.data);
  const error = errorInfo(assign.error) ?? errorInfo(byRule.error) ?? errorInfo(list.error);
  const done = assign.data ?? byRule.data;
  return (
    <>
      <PageTitle
        title={t('agencyCases.title')}
        subtitle={t('agencyCases.subtitle')}
        actions={
          <ExportButton
            request={{ list: 'agency.cases', filters: { ...filters, ...(isUnassigned ? { isUnassigned } : {}) } }}
          />
        }
      />
      <Card>
        <CaseFilters value={filters} onChange={setFilters} statuses={['commissioned', 'working', 'ptp']} />
        <div
          className="mb-3 flex flex-wrap items-center gap-2 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200"
          data-testid="assign-bar"
        >
          <label className="flex items-center gap-1 text-sm">
            <input
              type="checkbox"
              checked={isUnassigned}
              onChange={(e) => setUnassigned(e.target.checked)}
              data-testid="only-unassigned"
            />
            {t('agencyCases.onlyUnassigned')}
          </label>
          <span className="text-sm text-slate-700">{t('cases.selected', { count: selected.size })}</span>
          <Select
            aria-label={t('agencyCases.collector')}
            value={collectorId}
            onChange={(e) => setCollectorId(e.target.value)}
            className="max-w-48"
            data-testid="assign-collector"
          >
            <option value="">{t('agencyCases.chooseCollector')}</option>
            {collectors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
          <Button
            disabled={!collectorId || selected.size === 0 || assign.isPending}
            onClick={() => assign.mutate({ caseIds: [...selected], collectorId })}
            data-testid="assign-selected"
          >
            {t('agencyCases.assignSelected')}
          </Button>
          <Button
            variant="secondary"
            disabled={collectors.length === 0 || byRule.isPending}
            onClick={() => byRule.mutate({ rule: { kind: 'roundRobin', collectorIds: collectors.map((u) => u.id) } })}
            data-testid="assign-round-robin"
          >
            {t('agencyCases.roundRobin', { count: collectors.length })}
          </Button>
          {done ? (
            <span className="text-sm text-emerald-700" data-testid="assign-done">
              {t('agencyCases.assigned', { count: done.assigned })}
            </span>
          ) : null}
          <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            {t('agencyCases.byProvince')}
            <span className="w-36">
              <ProvinceSelect value={ruleProvince} onChange={setRuleProvince} testId="rule-province" />
            </span>
            <Button
              variant="secondary"
              disabled={!ruleProvince || !collectorId || byRule.isPending}
              onClick={() =>
                ruleProvince &&
                byRule.mutate({ rule: { kind: 'province', byProvince: [{ province: ruleProvince, collectorId }] } })
              }
              data-testid="assign-province"
            >
              {t('agencyCases.assignProvince')}
            </Button>
          </span>
        </div>
        {error ? <Alert testId="cases-error">{error.message}</Alert> : null}
        <CasesTable
          items={rows}
          isLoading={list.isPending}
          selected={selected}
          onToggle={toggle}
          extra={{
            head: t('agencyCases.collector'),
            cell: (c) => c.collectorName ?? <span className="text-slate-400">{t('agencyCases.unassigned')}</span>,
          }}
          linkOf={(c) => `/agency/cases/${c.id}`}
        />
        <LoadMore list={list} />
      </Card>
    </>
  );
};
