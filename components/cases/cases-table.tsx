'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTranslations } from 'use-intl';
import type { TCaseItem } from '@/server/api/routers/cases/cases.schema';
import { formatFen } from '@/lib/format';
import { bucketLabel } from '../packages/figures';
import { Badge } from '../ui/badge';
import { EmptyRow, Table, Td } from '../ui/table';

/** Cases with their debtor masked (DESIGN §5); optional selection and an extra column. */
export const CasesTable = ({
  items,
  isLoading,
  selected,
  onToggle,
  extra,
  linkOf,
}: {
  items: TCaseItem[];
  isLoading: boolean;
  selected?: Set<string>;
  onToggle?: (id: string) => void;
  extra?: { head: string; cell: (c: TCaseItem) => ReactNode };
  /** Where a case's contract number leads, when the case can be opened. */
  linkOf?: (c: TCaseItem) => string;
}) => {
  const t = useTranslations();
  const head = [
    ...(onToggle ? [''] : []),
    t('cases.contractNo'),
    t('cases.debtor'),
    t('cases.idNumber'),
    t('cases.phone'),
    t('cases.amountOverdue'),
    t('cases.bucket'),
    t('cases.region'),
    t('cases.statusLabel'),
    ...(extra ? [extra.head] : []),
  ];
  return (
    <Table testId="cases-table" head={head}>
      {isLoading ? (
        <EmptyRow colSpan={head.length}>{t('common.loading')}</EmptyRow>
      ) : items.length === 0 ? (
        <EmptyRow colSpan={head.length}>{t('cases.empty')}</EmptyRow>
      ) : (
        items.map((c) => (
          <tr key={c.id} data-testid="case-row">
            {onToggle ? (
              <Td>
                <input
                  type="checkbox"
                  aria-label={c.contractNo}
                  checked={selected?.has(c.id) ?? false}
                  onChange={() => onToggle(c.id)}
                  data-testid="case-select"
                />
              </Td>
            ) : null}
            <Td className="font-mono text-xs">
              {linkOf ? (
                <Link className="text-amber-700 underline" href={linkOf(c)}>
                  {c.contractNo}
                </Link>
              ) : (
                c.contractNo
              )}
            </Td>
            <Td>{c.debtorName}</Td>
            <Td className="font-mono text-xs">{c.idNumber}</Td>
            <Td className="font-mono text-xs">
              {c.phone}
              {c.phoneCount > 1 ? <span className="text-slate-400"> +{c.phoneCount - 1}</span> : null}
            </Td>
            <Td className="tabular-nums">{formatFen(c.amountOverdue)}</Td>
            <Td>
              {bucketLabel(c.bucket)} <span className="text-xs text-slate-500">({c.daysOverdue})</span>
            </Td>
            <Td>
              {c.province ? t(`province.${c.province}`) : '—'} {c.city ?? ''}
            </Td>
            <Td>
              <Badge
                tone={
                  c.status === 'new' ? 'slate' : c.status === 'recalled' || c.status === 'returned' ? 'amber' : 'blue'
                }
              >
                {t(`caseStatus.${c.status}`)}
              </Badge>
            </Td>
            {extra ? <Td>{extra.cell(c)}</Td> : null}
          </tr>
        ))
      )}
    </Table>
  );
};
