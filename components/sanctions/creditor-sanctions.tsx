'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { formatDateTime } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';
import { SanctionList } from './sanction-list';

/**
 * The creditor's view: its active commissions with an agency under suspension (freeze them,
 * so the agency works none of their cases, and unfreeze them when it chooses), and the
 * sanctions in force on agencies it works with.
 */
export const CreditorSanctionsScreen = ({ canFreeze }: { canFreeze: boolean }) => {
  const t = useTranslations('sanctions');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const commissions = useQuery(trpc.sanctions.suspendedCommissions.queryOptions());
  const done = {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.sanctions.suspendedCommissions.pathKey() }),
  };
  const freeze = useMutation(trpc.sanctions.freeze.mutationOptions(done));
  const unfreeze = useMutation(trpc.sanctions.unfreeze.mutationOptions(done));
  const failed = errorInfo(commissions.error ?? freeze.error ?? unfreeze.error);
  const rows = commissions.data?.items ?? [];
  const head = [t('agency'), t('package'), t('term'), t('openCases'), t('commissionState')];
  return (
    <div className="space-y-4">
      <Card title={t('suspendedCommissions')}>
        <p className="mb-3 text-sm text-slate-600">{t('freezeIntro')}</p>
        {failed ? <Alert testId="freeze-error">{failed.message}</Alert> : null}
        <Table testId="suspended-commissions" head={head}>
          {commissions.isPending ? (
            <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
          ) : rows.length === 0 ? (
            <EmptyRow colSpan={head.length}>{t('noSuspendedCommissions')}</EmptyRow>
          ) : (
            rows.map((c) => (
              <tr key={c.id} data-testid="suspended-commission">
                <Td>
                  {c.agencyName}
                  <span className="ml-1">
                    {c.isSuspended ? (
                      <Badge tone="red">{t('suspendedNow')}</Badge>
                    ) : (
                      <Badge tone="slate">{t('suspensionOver')}</Badge>
                    )}
                  </span>
                </Td>
                <Td>
                  <Link className="text-amber-700 underline" href={`/creditor/packages/${c.packageId}`}>
                    {c.packageName}
                  </Link>
                </Td>
                <Td className="font-mono text-xs">{`${c.startsOn} – ${c.endsOn}`}</Td>
                <Td>{c.openCases}</Td>
                <Td>
                  <span className="flex flex-wrap items-center gap-2">
                    <span data-testid="commission-state">
                      {c.frozenAt ? (
                        <Badge tone="blue">{t('frozenSince', { at: formatDateTime(c.frozenAt) })}</Badge>
                      ) : (
                        t('working')
                      )}
                    </span>
                    {!canFreeze ? null : c.frozenAt ? (
                      <Button
                        variant="secondary"
                        disabled={unfreeze.isPending}
                        onClick={() => unfreeze.mutate({ commissionId: c.id })}
                        data-testid="commission-unfreeze"
                      >
                        {t('unfreeze')}
                      </Button>
                    ) : (
                      <Button
                        variant="danger"
                        disabled={freeze.isPending || !c.isSuspended}
                        onClick={() => freeze.mutate({ commissionId: c.id })}
                        data-testid="commission-freeze"
                      >
                        {t('freeze')}
                      </Button>
                    )}
                  </span>
                </Td>
              </tr>
            ))
          )}
        </Table>
      </Card>
      <div>
        <h2 className="mb-2 text-base font-semibold text-slate-900">{t('inForceTitle')}</h2>
        <SanctionList portal="creditor" />
      </div>
    </div>
  );
};
