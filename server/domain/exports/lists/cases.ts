import { bucketLabel } from '@/lib/cases';
import type { Translate } from '../../../i18n/translate';
import { flagMessage } from '@/lib/flags';
import { at, count, money } from '../../../tabular/cells';
import { listAgencyCases, listCreditorCases, type CaseFilters } from '../../cases/case-lists';
import { listVisits } from '../../work/record';
import { listActivity } from '../../work/oversight';
import { listCreditorRestructures } from '../../work/restructure';
import type { ExportList } from '@/lib/enums';
import { PAGE, pageRows, type ListDef, type Page } from './list-def';

// The case lists and the work on cases: the lender's and the agency's cases, the activity
// feed, visits and plans.

const casesHeader = (t: Translate) => [
  t('exports.col.contractNo'),
  t('exports.col.debtor'),
  t('exports.col.idNumber'),
  t('exports.col.phone'),
  t('exports.col.amountOverdue'),
  t('exports.col.daysOverdue'),
  t('exports.col.bucket'),
  t('exports.col.province'),
  t('exports.col.status'),
  t('exports.col.agency'),
  t('exports.col.collector'),
];
const caseRows = (p: Promise<Page<Awaited<ReturnType<typeof listCreditorCases>>['items'][number]>>, t: Translate) =>
  pageRows(p, (c) => [
    c.contractNo,
    c.debtorName,
    c.idNumber,
    c.phone,
    money(c.amountOverdue),
    count(c.daysOverdue),
    bucketLabel(c.bucket),
    c.province ? t(`province.${c.province}`) : '',
    t(`caseStatus.${c.status}`),
    c.agencyName ?? '',
    c.collectorName ?? '',
  ]);

export const CASE_LISTS = {
  'creditor.cases': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: casesHeader,
    rows: (db, caller, f, cursor, t) =>
      caseRows(listCreditorCases(db, caller, { ...(f as Partial<CaseFilters>), cursor, limit: PAGE }), t),
  },
  'agency.cases': {
    orgTypes: ['agency'],
    permission: 'cases.work',
    header: casesHeader,
    rows: (db, caller, f, cursor, t) =>
      caseRows(listAgencyCases(db, caller, { ...(f as Partial<CaseFilters>), cursor, limit: PAGE }), t),
  },
  'creditor.activity': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [
      t('exports.col.at'),
      t('exports.col.contractNo'),
      t('exports.col.debtor'),
      t('exports.col.agency'),
      t('exports.col.collector'),
      t('exports.col.actionChannel'),
      t('exports.col.phone'),
      t('exports.col.outcome'),
      t('exports.col.note'),
      t('exports.col.flags'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(
        listActivity(db, caller, { ...(f as { agencyId?: string; isFlaggedOnly?: boolean }), cursor, limit: PAGE }),
        (a) => [
          at(a.at),
          a.contractNo,
          a.debtorName,
          a.agencyName,
          a.actorName,
          t(`work.channel.${a.channel}`),
          a.phoneMasked ?? '',
          t(`work.outcome.${a.outcome}`),
          a.note,
          a.flags
            .map((fl) => {
              const { key, values } = flagMessage(fl);
              return t(`work.flag.${key}`, values);
            })
            .join('；'),
        ],
      ),
  },
  visits: {
    orgTypes: ['creditor', 'platform'],
    permission: 'cases.record',
    header: (t) => [
      t('exports.col.contractNo'),
      t('exports.col.debtor'),
      t('exports.col.agency'),
      t('exports.col.creditor'),
      t('exports.col.status'),
      t('exports.col.plannedFor'),
      t('exports.col.visitedAt'),
      t('exports.col.address'),
      t('exports.col.staff'),
      t('exports.col.evidence'),
      t('exports.col.flags'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(
        listVisits(db, caller, { ...(f as { status?: never; isFlaggedOnly?: boolean }), cursor, limit: PAGE }),
        (v) => [
          v.contractNo,
          v.debtorName,
          v.agencyName,
          v.creditorName,
          t(`visits.status.${v.status}`),
          at(v.plannedFor),
          at(v.visitedAt),
          v.address,
          count(v.staff),
          t('exports.evidenceCounts', { photos: v.photos, audio: v.audio, video: v.video }),
          v.flags
            .map((fl) =>
              t(`visits.flag.${fl.rule}`, {
                missing: String(fl.values.missing ?? '')
                  .split(',')
                  .filter(Boolean)
                  .map((k) => t(`visits.missing.${k}`))
                  .join(' / '),
              }),
            )
            .join('；'),
        ],
      ),
  },
  'creditor.restructures': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [
      t('exports.col.contractNo'),
      t('exports.col.kind'),
      t('exports.col.totalAmount'),
      t('exports.col.reason'),
      t('exports.col.status'),
      t('exports.col.createdAt'),
      t('exports.col.decidedAt'),
      t('exports.col.note'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(listCreditorRestructures(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE }), (r) => [
        r.contractNo,
        t(`restructure.kinds.${r.kind}`),
        money(r.totalAmount),
        r.reason,
        t(`restructure.status.${r.status}`),
        at(r.createdAt),
        at(r.decidedAt),
        r.decisionNote ?? '',
      ]),
  },
} satisfies { [K in ExportList]?: ListDef };
