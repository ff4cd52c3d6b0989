'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { ExportButton } from '../exports/export-button';
import { bpToPercent, formatDateTime } from '@/lib/format';
import { useTRPC } from '../trpc/react';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

/** The agency's bids and how each ended. */
export const MyBids = () => {
  const t = useTranslations();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.market.myBids.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  return (
    <Card title={t('market.myBids')} actions={<ExportButton request={{ list: 'agency.bids', filters: {} }} />}>
      <Table
        testId="my-bids"
        head={[
          t('market.package'),
          t('bids.fee'),
          t('bids.expectedRecovery'),
          t('bids.statusLabel'),
          t('packages.terms.closesAt'),
        ]}
      >
        {rows.length === 0 ? (
          <EmptyRow colSpan={5}>{t('market.noBids')}</EmptyRow>
        ) : (
          rows.map((b) => (
            <tr key={b.id} data-testid="my-bid-row">
              <Td>
                <Link className="text-amber-700 underline" href={`/agency/market/${b.packageId}`}>
                  {b.packageName}
                </Link>
              </Td>
              <Td className="tabular-nums">{bpToPercent(b.feeBp)}%</Td>
              <Td className="tabular-nums">{bpToPercent(b.expectedRecoveryBp)}%</Td>
              <Td>
                <Badge tone={b.status === 'won' ? 'green' : b.status === 'submitted' ? 'blue' : 'slate'}>
                  {t(`bids.status.${b.status}`)}
                </Badge>
              </Td>
              <Td className="font-mono text-xs">{formatDateTime(b.closesAt)}</Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};
