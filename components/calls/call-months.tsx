'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'use-intl';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { EmptyRow, Table, Td } from '../ui/table';
import { CountCells } from './call-summary';

/** The platform's call totals month by month (staff), newest first. */
export const CallMonths = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const months = useQuery(trpc.calls.monthly.queryOptions());
  const error = errorInfo(months.error);
  const head = [
    t('calls.month'),
    t('calls.callCount'),
    t('calls.contactRate'),
    t('calls.violations'),
    t('calls.perThousand'),
    t('calls.flagged'),
    t('calls.shadows'),
    t('calls.phantoms'),
  ];
  return (
    <Card title={t('calls.byMonth')}>
      {error ? <Alert testId="call-months-error">{error.message}</Alert> : null}
      <Table testId="call-months" head={head}>
        {!months.data ? (
          <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
        ) : (
          months.data.map((m) => (
            <tr key={m.month} data-testid="call-month-row">
              <Td className="font-mono text-xs">{m.month}</Td>
              <CountCells counts={m} />
            </tr>
          ))
        )}
      </Table>
    </Card>
  );
};
