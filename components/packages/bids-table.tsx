'use client';

import Link from 'next/link';
import { useTranslations } from 'use-intl';
import type { TPackageBid } from '@/server/api/routers/packages/packages.schema';
import { bpToPercent } from '@/lib/format';
import { scoreText } from '../scorecards/score';
import { Badge } from '../ui/badge';
import { EmptyRow, Table, Td } from '../ui/table';

/** Bids side by side: fee, expected recovery, team, the agency's tier, admission score and current scorecard score (with its breakdown), and the plan. */
export const BidsTable = ({ bids, reserveFeeBp }: { bids: TPackageBid[]; reserveFeeBp: number | null }) => {
  const t = useTranslations();
  return (
    <Table
      testId="bids-table"
      head={[
        t('bids.agency'),
        t('bids.tier'),
        t('bids.admissionScore'),
        t('bids.score'),
        t('bids.fee'),
        t('bids.expectedRecovery'),
        t('bids.team'),
        t('bids.provinces'),
        t('bids.plan'),
        t('bids.statusLabel'),
      ]}
    >
      {bids.length === 0 ? (
        <EmptyRow colSpan={10}>{t('bids.none')}</EmptyRow>
      ) : (
        bids.map((b) => (
          <tr key={b.id} data-testid="bid-row">
            <Td>{b.agencyName}</Td>
            <Td>{b.agencyTier ?? '—'}</Td>
            <Td className="tabular-nums">{b.admissionScore ?? '—'}</Td>
            <Td className="tabular-nums">
              {b.scoreBp === null ? (
                <span className="text-xs text-slate-400">{t('bids.noScore')}</span>
              ) : (
                <Link
                  className="font-medium text-amber-700 underline"
                  href={`/creditor/scorecards/${b.agencyId}`}
                  title={t('bids.scoreOf', { month: b.scoreMonth ?? '' })}
                  data-testid="bid-score"
                >
                  {scoreText(b.scoreBp)}
                </Link>
              )}
            </Td>
            <Td className="tabular-nums">
              {bpToPercent(b.feeBp)}%
              {reserveFeeBp !== null && b.feeBp > reserveFeeBp ? (
                <span className="ml-1 text-xs text-red-600">{t('bids.overReserve')}</span>
              ) : null}
            </Td>
            <Td className="tabular-nums">{bpToPercent(b.expectedRecoveryBp)}%</Td>
            <Td className="tabular-nums">{b.teamSize}</Td>
            <Td className="text-xs">
              <div className="w-28 whitespace-normal break-words">
                {b.provinces.map((p) => t(`province.${p}`)).join(', ')}
              </div>
            </Td>
            <Td className="text-xs">
              <div className="w-56 whitespace-normal break-words">{b.plan}</div>
            </Td>
            <Td>
              <Badge tone={b.status === 'won' ? 'green' : b.status === 'lost' ? 'slate' : 'blue'}>
                {t(`bids.status.${b.status}`)}
              </Badge>
            </Td>
          </tr>
        ))
      )}
    </Table>
  );
};
