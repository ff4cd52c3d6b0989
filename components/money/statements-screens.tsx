'use client';

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { bpToFixedPercent, formatDateTime, formatFen } from '@/lib/format';
import { shanghaiMonth } from '@/lib/months';
import { errorInfo } from '../trpc/errors';
import { useTRPC } from '../trpc/react';
import { Alert } from '../ui/alert';
import { Badge, type Tone } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, PageTitle } from '../ui/card';
import { ExportButton } from '../exports/export-button';
import { Field, Input } from '../ui/field';
import { LoadMore, rowsOf } from '../ui/load-more';
import { EmptyRow, Table, Td } from '../ui/table';

type Side = 'creditor' | 'agency';
const TONE: Record<'draft' | 'agreed' | 'paid', Tone> = { draft: 'amber', agreed: 'blue', paid: 'green' };

/** The creditor draws up an ended month's statements with every agency that earned commission. */
const GenerateForm = () => {
  const t = useTranslations('statements');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(() => shanghaiMonth(-1));
  const generate = useMutation(
    trpc.statements.generate.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.statements.list.pathKey() }),
    }),
  );
  const error = errorInfo(generate.error);
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <Field id="statement-month" label={t('month')} error={error?.fieldErrors.month}>
        <Input
          id="statement-month"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="w-44"
        />
      </Field>
      <Button
        onClick={() => generate.mutate({ month })}
        disabled={generate.isPending || !month}
        data-testid="statement-generate"
      >
        {t('generate')}
      </Button>
      {generate.data ? (
        <span className="pb-1.5 text-sm text-emerald-700" data-testid="statement-generated">
          {t('generated', { count: generate.data.created })}
        </span>
      ) : null}
      {error && !error.fieldErrors.month ? <Alert testId="statement-generate-error">{error.message}</Alert> : null}
    </div>
  );
};

/** A side's statements, newest first: month, the other side, lines, repaid, commission, status. */
export const StatementsScreen = ({ side, canGenerate }: { side: Side; canGenerate: boolean }) => {
  const t = useTranslations('statements');
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.statements.list.infiniteQueryOptions(
      { limit: 30 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const rows = rowsOf(list.data);
  const head = [t('month'), t('other'), t('lines'), t('base'), t('total'), t('statusLabel')];
  return (
    <>
      <PageTitle
        title={t('title')}
        subtitle={side === 'creditor' ? t('creditorSubtitle') : t('agencySubtitle')}
        actions={<ExportButton request={{ list: 'statements', filters: {} }} />}
      />
      <Card>
        {canGenerate ? <GenerateForm /> : null}
        <Table testId="statement-list" head={head}>
          {rows.length === 0 ? (
            <EmptyRow colSpan={head.length}>{list.isPending ? '…' : t('empty')}</EmptyRow>
          ) : (
            rows.map((s) => (
              <tr key={s.id} data-testid="statement-row">
                <Td className="font-mono">
                  <Link className="text-amber-700 underline" href={`/${side}/statements/${s.id}`}>
                    {s.month}
                  </Link>
                </Td>
                <Td>{s.otherName}</Td>
                <Td className="tabular-nums">{s.lineCount}</Td>
                <Td className="tabular-nums">{formatFen(s.baseTotal)}</Td>
                <Td className="tabular-nums font-medium">{formatFen(s.total)}</Td>
                <Td>
                  <Badge tone={TONE[s.status]}>{t(`status.${s.status}`)}</Badge>
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

/** One statement: its lines and totals, who agreed when, the export, and what the viewer's side may do next. */
export const StatementScreen = ({
  side,
  statementId,
  canAgree,
  canPay,
}: {
  side: Side;
  statementId: string;
  canAgree: boolean;
  canPay: boolean;
}) => {
  const t = useTranslations('statements');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.statements.get.queryOptions({ statementId }));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.statements.pathKey() });
  const agree = useMutation(trpc.statements.agree.mutationOptions({ onSuccess: refresh }));
  const pay = useMutation(trpc.statements.pay.mutationOptions({ onSuccess: refresh }));
  const s = query.data;
  const error = errorInfo(query.error) ?? errorInfo(agree.error) ?? errorInfo(pay.error);
  const ourAgreement = s ? (side === 'creditor' ? s.creditorAgreedAt : s.agencyAgreedAt) : null;
  return (
    <>
      <PageTitle
        title={s ? t('detailTitle', { month: s.month }) : t('title')}
        subtitle={s ? t('between', { creditor: s.creditorName, agency: s.agencyName }) : undefined}
        actions={
          <Link className="text-sm text-amber-700 underline" href={`/${side}/statements`}>
            {t('back')}
          </Link>
        }
      />
      {error ? <Alert testId="statement-error">{error.message}</Alert> : null}
      {s ? (
        <div className="space-y-6">
          <Card
            title={
              <span className="flex items-center gap-2">
                {formatFen(s.total)} <Badge tone={TONE[s.status]}>{t(`status.${s.status}`)}</Badge>
              </span>
            }
            actions={
              <span className="flex gap-3">
                <a
                  className="text-sm text-amber-700 underline"
                  href={`/api/statements/${s.id}?format=pdf`}
                  data-testid="statement-pdf"
                >
                  PDF
                </a>
                <a
                  className="text-sm text-amber-700 underline"
                  href={`/api/statements/${s.id}`}
                  data-testid="statement-export"
                >
                  Excel
                </a>
              </span>
            }
          >
            <div className="space-y-3 text-sm">
              <p data-testid="statement-sum">
                {t('sumCheck', { count: s.lineCount, base: formatFen(s.baseTotal), total: formatFen(s.total) })}
              </p>
              <p className="text-slate-600">
                {t('creditorAgreed')} {s.creditorAgreedAt ? formatDateTime(s.creditorAgreedAt) : '—'} ·{' '}
                {t('agencyAgreed')} {s.agencyAgreedAt ? formatDateTime(s.agencyAgreedAt) : '—'}
              </p>
              <div className="flex gap-2">
                {canAgree && s.status === 'draft' && !ourAgreement ? (
                  <Button
                    onClick={() => agree.mutate({ statementId: s.id })}
                    disabled={agree.isPending}
                    data-testid="statement-agree"
                  >
                    {t('agree')}
                  </Button>
                ) : null}
                {canPay && s.status === 'agreed' ? (
                  <Button
                    onClick={() => pay.mutate({ statementId: s.id })}
                    disabled={pay.isPending}
                    data-testid="statement-pay"
                  >
                    {t('pay')}
                  </Button>
                ) : null}
              </div>
            </div>
          </Card>
          <Card>
            <Table
              testId="statement-lines"
              head={[t('contractNo'), t('earnedOn'), t('kindLabel'), t('base'), t('rate'), t('total')]}
            >
              {s.lines.map((l) => (
                <tr key={l.id} data-testid="statement-line">
                  <Td className="font-mono text-xs">{l.contractNo}</Td>
                  <Td className="font-mono text-xs">{l.earnedOn}</Td>
                  <Td>{t(`kind.${l.kind}`)}</Td>
                  <Td className="tabular-nums">{formatFen(l.baseAmount)}</Td>
                  <Td className="tabular-nums">{bpToFixedPercent(l.feeBp)}%</Td>
                  <Td className="tabular-nums">{formatFen(l.amount)}</Td>
                </tr>
              ))}
            </Table>
          </Card>
        </div>
      ) : null}
    </>
  );
};
