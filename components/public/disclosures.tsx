'use client';

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'use-intl';
import { DisclosureComplaints, DisclosureFigureTiles, DisclosurePartyTable } from '../money/disclosure-screen';
import { bpToPercent, formatDateTime, formatFen } from '@/lib/format';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

/** Every creditor's published monthly figures, newest first. */
export const PublishedDisclosures = () => {
  const t = useTranslations('disclosure');
  const tc = useTranslations('common');
  const trpc = useTRPC();
  const list = useInfiniteQuery(trpc.disclosure.published.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const rows = rowsOf(list.data);
  const error = errorInfo(list.error);
  const head = [t('creditor'), t('month'), t('underCollection'), t('recovered'), t('rate'), t('agencyCount'), ''];
  return (
    <Card>
      {error ? <Alert>{error.message}</Alert> : null}
      <Table testId="published-disclosures" isStacked head={head}>
        {list.isPending ? (
          <EmptyRow colSpan={head.length}>{tc('loading')}</EmptyRow>
        ) : rows.length === 0 ? (
          <EmptyRow colSpan={head.length}>{t('publicEmpty')}</EmptyRow>
        ) : (
          rows.map((d) => (
            <tr key={d.id} data-testid="published-disclosure-row">
              <Td className="font-medium text-slate-900">{d.creditorName}</Td>
              <Td className="font-mono text-xs" label={t('month')}>{d.month}</Td>
              <Td className="tabular-nums" label={t('underCollection')}>{t('casesAmount', { cases: d.figures.underCollection.cases.toLocaleString(), amount: formatFen(d.figures.underCollection.amount) })}</Td>
              <Td className="tabular-nums" label={t('recovered')}>{formatFen(d.figures.recovered.amount)}</Td>
              <Td className="tabular-nums" label={t('rate')}>{bpToPercent(d.figures.recovered.rateBp)}%</Td>
              <Td className="tabular-nums" label={t('agencyCount')}>{d.figures.agencies.length}</Td>
              <Td>
                <Link className="text-amber-700 underline" href={`/disclosures/${d.id}`}>
                  {t('show')}
                </Link>
              </Td>
            </tr>
          ))
        )}
      </Table>
      <LoadMore list={list} />
    </Card>
  );
};

/** One published report, as it was published, with its PDF. */
export const PublishedDisclosure = ({ id }: { id: string }) => {
  const t = useTranslations('disclosure');
  const trpc = useTRPC();
  const query = useQuery(trpc.disclosure.publishedOne.queryOptions({ id }));
  const d = query.data;
  const error = errorInfo(query.error);
  return (
    <div className="space-y-6">
      {error ? <Alert testId="disclosure-error">{error.message}</Alert> : null}
      {d ? (
        <>
          <div className="flex flex-wrap items-end justify-between gap-3">
            <div>
              <h1 className="text-2xl font-semibold text-slate-900" data-testid="public-disclosure-title">
                {t('docTitle', { name: d.creditorName, month: d.month })}
              </h1>
              <p className="mt-1 text-sm text-slate-600">{t('publishedOn', { at: formatDateTime(d.publishedAt) })}</p>
            </div>
            <div className="flex items-center gap-4 text-sm">
              <a className="font-medium text-amber-700 underline" href={`/api/disclosures/published/${d.id}?format=pdf`} data-testid="public-disclosure-pdf">
                {t('downloadPdf')}
              </a>
              <Link className="text-amber-700 underline" href="/disclosures">
                {t('back')}
              </Link>
            </div>
          </div>
          <DisclosureFigureTiles f={d.figures} />
          <Card title={t('agenciesTitle')}>
            <DisclosurePartyTable rows={d.figures.agencies} who={t('agency')} testId="disclosure-agencies" />
          </Card>
          <Card title={t('complaintsTitle')}>
            <DisclosureComplaints f={d.figures} />
          </Card>
          <p className="text-xs text-slate-500">{t('definitions')}</p>
        </>
      ) : null}
    </div>
  );
};
