import { z } from 'zod';
import { getStatement } from '../domain/money/statements';
import { DomainError } from '../errors';
import { getTranslate } from '../i18n/translate';
import { bpToFixedPercent, fenToYuan, formatDateTime, formatFen } from '@/lib/format';
import { day, heading, money, percent, type Cell } from '../tabular/cells';
import { renderPdf } from '../reports/pdf';
import { pdfResponse, xlsxResponse } from './download';
import { asRouteCaller } from './route-caller';

type StatementView = Awaited<ReturnType<typeof getStatement>>;

/** The statement as an A4 PDF: parties, status and agreements, every line, and the totals. */
const statementPdf = (s: StatementView, t: ReturnType<typeof getTranslate>) =>
  renderPdf(
    {
      title: t('statements.detailTitle', { month: s.month }),
      footer: `${t('common.product')} · ${t('statements.detailTitle', { month: s.month })} · ${s.id}`,
    },
    [
      {
        kind: 'title',
        text: t('statements.detailTitle', { month: s.month }),
        subtitle: t('statements.between', { creditor: s.creditorName, agency: s.agencyName }),
      },
      {
        kind: 'figures',
        items: [
          { label: t('statements.statusLabel'), value: t(`statements.status.${s.status}`) },
          { label: t('statements.base'), value: formatFen(s.baseTotal) },
          { label: t('statements.total'), value: formatFen(s.total) },
          {
            label: t('statements.creditorAgreed'),
            value: s.creditorAgreedAt ? formatDateTime(s.creditorAgreedAt) : '—',
          },
          { label: t('statements.agencyAgreed'), value: s.agencyAgreedAt ? formatDateTime(s.agencyAgreedAt) : '—' },
          { label: t('statements.paidAt'), value: s.paidAt ? formatDateTime(s.paidAt) : '—' },
        ],
      },
      {
        kind: 'table',
        columns: [
          { header: t('statements.contractNo'), width: 3 },
          { header: t('statements.earnedOn'), width: 2 },
          { header: t('statements.kindLabel'), width: 1.6 },
          { header: t('statements.base'), width: 2, align: 'right' },
          { header: t('statements.rate'), width: 1.4, align: 'right' },
          { header: t('statements.total'), width: 2, align: 'right' },
        ],
        rows: s.lines.map((l) => [
          l.contractNo,
          l.earnedOn,
          t(`statements.kind.${l.kind}`),
          fenToYuan(l.baseAmount),
          `${bpToFixedPercent(l.feeBp)}%`,
          fenToYuan(l.amount),
        ]),
      },
      {
        kind: 'note',
        text: t('statements.sumCheck', { count: s.lineCount, base: formatFen(s.baseTotal), total: formatFen(s.total) }),
      },
    ],
  );

/**
 * A settlement statement as an XLSX workbook (or, with `format=pdf`, an A4 PDF) in the
 * reader's language: the parties and month, every line (contract, date, kind, repaid
 * amount, rate, commission) and the totals, which are the statement's own and equal the
 * sum of the lines.
 */
export const exportStatement = (req: Request, statementId: string) =>
  asRouteCaller(req, async (db, caller, locale) => {
    if (!z.uuid().safeParse(statementId).success) throw new DomainError('statement.notFound');
    const s = await getStatement(db, caller, statementId);
    const t = getTranslate(locale);
    const name = `${s.month} ${s.creditorName} ${s.agencyName}`;
    if (new URL(req.url).searchParams.get('format') === 'pdf')
      return pdfResponse(await statementPdf(s, t), `${name}.pdf`);
    const rows: Cell[][] = [
      [heading(t('statements.detailTitle', { month: s.month }))],
      [t('statements.between', { creditor: s.creditorName, agency: s.agencyName })],
      [t('statements.statusLabel'), t(`statements.status.${s.status}`)],
      [],
      [
        t('statements.contractNo'),
        t('statements.earnedOn'),
        t('statements.kindLabel'),
        t('statements.base'),
        t('statements.rate'),
        t('statements.total'),
      ].map(heading),
      ...s.lines.map((l) => [
        l.contractNo,
        day(l.earnedOn),
        t(`statements.kind.${l.kind}`),
        money(l.baseAmount),
        percent(l.feeBp),
        money(l.amount),
      ]),
      [],
      [
        heading(
          t('statements.sumCheck', { count: s.lineCount, base: formatFen(s.baseTotal), total: formatFen(s.total) }),
        ),
        '',
        '',
        money(s.baseTotal),
        '',
        money(s.total),
      ],
    ];
    return xlsxResponse(rows, s.month, `${name}.xlsx`, { freezeRows: 5 });
  });
