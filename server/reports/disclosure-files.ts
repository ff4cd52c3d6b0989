import { bpToPercent, formatFen } from '@/lib/format';
import type { DisclosureFigures } from '../domain/money/disclosure';
import type { Translate } from '../i18n/translate';
import { count, heading, money, percent as percentCell, type Cell } from '../tabular/cells';
import { renderPdf, type PdfBlock } from './pdf';

// The monthly disclosure as files: a workbook and an A4 PDF with the same figures, in the
// reader's language. The platform-wide report adds a table of creditors.

const percent = (bp: number) => `${bpToPercent(bp)}%`;

export const disclosureTitle = (f: DisclosureFigures, t: Translate) =>
  f.creditorName
    ? t('disclosure.docTitle', { name: f.creditorName, month: f.month })
    : t('disclosure.platformDocTitle', { month: f.month });

const keyFigures = (f: DisclosureFigures, t: Translate) => [
  {
    label: t('disclosure.underCollection'),
    value: t('disclosure.casesAmount', {
      cases: f.underCollection.cases.toLocaleString(),
      amount: formatFen(f.underCollection.amount),
    }),
  },
  {
    label: t('disclosure.placements'),
    value: t('disclosure.casesAmount', {
      cases: f.placements.cases.toLocaleString(),
      amount: formatFen(f.placements.amount),
    }),
  },
  { label: t('disclosure.recovered'), value: formatFen(f.recovered.amount) },
  { label: t('disclosure.rate'), value: percent(f.recovered.rateBp) },
  { label: t('disclosure.repayments'), value: f.recovered.repayments.toLocaleString() },
  { label: t('disclosure.settled'), value: f.settledCases.toLocaleString() },
  { label: t('disclosure.unrecoverable'), value: f.unrecoverableCases.toLocaleString() },
  { label: t('disclosure.commission'), value: formatFen(f.recovered.commission) },
  { label: t('disclosure.agencyCount'), value: f.agencies.length.toLocaleString() },
];

const partyHeader = (t: Translate, who: string) => [
  who,
  t('disclosure.cases'),
  t('disclosure.amount'),
  t('disclosure.recovered'),
  t('disclosure.rate'),
];
const partyRow = (r: DisclosureFigures['agencies'][number]) => [
  r.name,
  r.cases.toLocaleString(),
  formatFen(r.amount),
  formatFen(r.recovered),
  percent(r.rateBp),
];

/** The same row as sheet cells: counts, amounts and the rate as numbers. */
const partyCells = (r: DisclosureFigures['agencies'][number]): Cell[] => [
  r.name,
  count(r.cases),
  money(r.amount),
  money(r.recovered),
  percentCell(r.rateBp),
];

const complaintHeader = (t: Translate) => [
  t('disclosure.complaintCategory'),
  t('disclosure.complaintsReceived'),
  t('disclosure.complaintsUpheld'),
  t('disclosure.complaintsDismissed'),
];
const complaintRows = (f: DisclosureFigures, t: Translate) =>
  f.complaints.byCategory.map((r) => [
    t(`complaints.category.${r.category}`),
    r.received.toLocaleString(),
    r.upheld.toLocaleString(),
    r.dismissed.toLocaleString(),
  ]);
const complaintSummary = (f: DisclosureFigures, t: Translate) =>
  t('disclosure.complaintsSummary', {
    received: f.complaints.received,
    upheld: f.complaints.upheld,
    dismissed: f.complaints.dismissed,
    open: f.complaints.openAtEnd,
  });

/** The report as rows of a sheet: key figures, then agencies (and creditors, platform-wide). */
export const disclosureRows = (f: DisclosureFigures, t: Translate, generatedAt: string): Cell[][] => [
  [heading(disclosureTitle(f, t))],
  [t('disclosure.generatedAt', { at: generatedAt })],
  [],
  ...keyFigures(f, t).map((k) => [k.label, k.value]),
  [],
  [heading(t('disclosure.agenciesTitle'))],
  partyHeader(t, t('disclosure.agency')).map(heading),
  ...f.agencies.map(partyCells),
  ...(f.creditorName === null
    ? [
        [],
        [heading(t('disclosure.creditorsTitle'))],
        partyHeader(t, t('disclosure.creditor')).map(heading),
        ...f.creditors.map(partyCells),
      ]
    : []),
  [],
  [heading(t('disclosure.complaintsTitle'))],
  [complaintSummary(f, t)],
  complaintHeader(t).map(heading),
  ...f.complaints.byCategory.map((r) => [
    t(`complaints.category.${r.category}`),
    count(r.received),
    count(r.upheld),
    count(r.dismissed),
  ]),
  [],
  [t('disclosure.definitions')],
];

const table = (t: Translate, who: string, rows: DisclosureFigures['agencies']): PdfBlock => ({
  kind: 'table',
  columns: [
    { header: who, width: 4 },
    { header: t('disclosure.cases'), width: 1.3, align: 'right' },
    { header: t('disclosure.amount'), width: 2, align: 'right' },
    { header: t('disclosure.recovered'), width: 2, align: 'right' },
    { header: t('disclosure.rate'), width: 1.2, align: 'right' },
  ],
  rows: rows.map(partyRow),
  empty: t('disclosure.none'),
});

export const disclosurePdf = (f: DisclosureFigures, t: Translate, generatedAt: string) =>
  renderPdf({ title: disclosureTitle(f, t), footer: `${t('common.product')} · ${disclosureTitle(f, t)}` }, [
    { kind: 'title', text: disclosureTitle(f, t), subtitle: t('disclosure.generatedAt', { at: generatedAt }) },
    { kind: 'figures', items: keyFigures(f, t) },
    { kind: 'heading', text: t('disclosure.agenciesTitle') },
    table(t, t('disclosure.agency'), f.agencies),
    ...(f.creditorName === null
      ? ([
          { kind: 'heading', text: t('disclosure.creditorsTitle') },
          table(t, t('disclosure.creditor'), f.creditors),
        ] as PdfBlock[])
      : []),
    { kind: 'heading', text: t('disclosure.complaintsTitle') },
    { kind: 'note', text: complaintSummary(f, t) },
    {
      kind: 'table',
      columns: [
        { header: t('disclosure.complaintCategory'), width: 4 },
        { header: t('disclosure.complaintsReceived'), width: 1.5, align: 'right' },
        { header: t('disclosure.complaintsUpheld'), width: 1.5, align: 'right' },
        { header: t('disclosure.complaintsDismissed'), width: 1.5, align: 'right' },
      ],
      rows: complaintRows(f, t),
      empty: t('disclosure.noComplaints'),
    },
    { kind: 'note', text: t('disclosure.definitions') },
  ]);
