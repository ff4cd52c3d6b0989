'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { SANCTION_KINDS, SANCTION_STATUSES, type SanctionKind, type SanctionStatus } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, type Tone } from '../ui/badge';
import { Card } from '../ui/card';
import { Select } from '../ui/field';
import { Filter } from '../ui/filter';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

export type SanctionPortal = 'staff' | 'agency' | 'creditor';

const STATUS_TONE: Record<SanctionStatus, Tone> = {
  proposed: 'amber',
  active: 'red',
  rejected: 'slate',
  lifted: 'green',
  revoked: 'green',
};
const KIND_TONE: Record<SanctionKind, Tone> = { warning: 'amber', points: 'amber', suspension: 'red', ban: 'red' };

/** The sanction's kind (with its points, or a suspension's last day) and its status; a suspension past its end says so. */
export const SanctionBadges = ({
  s,
}: {
  s: { kind: SanctionKind; status: SanctionStatus; points: number | null; endsOn: string | null; isInForce: boolean };
}) => {
  const t = useTranslations('sanctions');
  const isEnded = s.status === 'active' && !s.isInForce;
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap" data-testid="sanction-status">
      <Badge tone={KIND_TONE[s.kind]}>
        {s.kind === 'points' ? t('pointsN', { points: s.points ?? 0 }) : t(`kind.${s.kind}`)}
      </Badge>
      <Badge tone={isEnded ? 'slate' : STATUS_TONE[s.status]}>{isEnded ? t('ended') : t(`status.${s.status}`)}</Badge>
    </span>
  );
};

/**
 * Sanctions the portal may read, newest first: staff every one (a ban waiting for its second
 * approver in amber), the agency its own, a creditor those in force on agencies it works with.
 */
export const SanctionList = ({ portal }: { portal: SanctionPortal }) => {
  const t = useTranslations('sanctions');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const [status, setStatus] = useState<SanctionStatus | ''>('');
  const [kind, setKind] = useState<SanctionKind | ''>('');
  const filters = { ...(status ? { status } : {}), ...(kind ? { kind } : {}) };
  const list = useInfiniteQuery(
    trpc.sanctions.list.infiniteQueryOptions(
      { limit: 30, ...filters },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const hasDetail = portal !== 'creditor';
  const head = [
    t('created'),
    ...(portal === 'agency' ? [] : [t('agency')]),
    t('kindAndStatus'),
    t('reason'),
    ...(portal === 'creditor' ? [] : [t('citation')]),
    ...(portal === 'staff' ? [t('proposedBy')] : []),
    ...(portal === 'creditor' ? [] : [t('appeal')]),
  ];
  return (
    <Card>
      {portal === 'creditor' ? null : (
        <div className="mb-3 flex flex-wrap items-end gap-4">
          <Filter label={t('statusLabel')}>
            <Select
              value={status}
              onChange={(e) => setStatus(e.target.value as SanctionStatus | '')}
              data-testid="sanction-status-filter"
            >
              <option value="">{t('allStatuses')}</option>
              {SANCTION_STATUSES.filter((s) => portal === 'staff' || (s !== 'proposed' && s !== 'rejected')).map(
                (s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ),
              )}
            </Select>
          </Filter>
          <Filter label={t('kindLabel')}>
            <Select
              value={kind}
              onChange={(e) => setKind(e.target.value as SanctionKind | '')}
              data-testid="sanction-kind-filter"
            >
              <option value="">{t('allKinds')}</option>
              {SANCTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </Select>
          </Filter>
        </div>
      )}
      {error ? <Alert testId="sanction-list-error">{error.message}</Alert> : null}
      <Table testId="sanction-list" head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t(`empty.${portal}`)}</EmptyRow>
        ) : (
          rows.map((s) => (
            <tr
              key={s.id}
              data-testid="sanction-row"
              className={s.status === 'proposed' ? 'bg-amber-50/60' : undefined}
            >
              <Td className="font-mono text-xs">
                {hasDetail ? (
                  <Link
                    className="text-amber-700 underline"
                    href={`/${portal}/sanctions/${s.id}`}
                    data-testid="sanction-link"
                  >
                    {formatDate(s.createdAt)}
                  </Link>
                ) : (
                  formatDate(s.effectiveAt ?? s.createdAt)
                )}
              </Td>
              {portal === 'agency' ? null : <Td>{s.agencyName}</Td>}
              <Td>
                <SanctionBadges s={s} />
                {s.kind === 'suspension' && s.isInForce ? (
                  <span className="mt-1 block text-xs text-slate-500">
                    {s.endsOn ? t('untilDay', { day: s.endsOn }) : t('untilLifted')}
                  </span>
                ) : null}
              </Td>
              <Td className="text-xs">
                <span className="block max-w-48 truncate" title={s.reason}>
                  {s.reason}
                </span>
              </Td>
              {portal === 'creditor' ? null : (
                <Td className="font-mono text-xs">
                  {s.complaintReference ?? (s.inspectionId ? t('inspectionFinding') : t('auditFinding'))}
                </Td>
              )}
              {portal === 'staff' ? <Td className="text-xs">{s.proposedByName}</Td> : null}
              {portal === 'creditor' ? null : (
                <Td className="text-xs">
                  {s.appealOutcome ? t(`appealOutcome.${s.appealOutcome}`) : s.appealedAt ? t('appealPending') : '—'}
                </Td>
              )}
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};
