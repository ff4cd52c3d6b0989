import { formatFen } from '@/lib/format';
import type { ExportList, ImportKind } from '@/lib/enums';
import { at, count, day, money } from '../../../tabular/cells';
import { listImports } from '../../cases/imports';
import { listCreditorRepayments } from '../../money/repayments';
import { listStatements } from '../../money/statements';
import { PAGE, pageRows, type ListDef } from './list-def';

// The money lists: repayments, monthly statements, and the history of case and repayment files.

export const MONEY_LISTS = {
  'creditor.repayments': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [
      t('exports.col.contractNo'),
      t('exports.col.agency'),
      t('exports.col.amount'),
      t('exports.col.paidOn'),
      t('exports.col.channel'),
      t('exports.col.payer'),
      t('exports.col.reference'),
      t('exports.col.source'),
      t('exports.col.status'),
      t('exports.col.reportedAt'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(listCreditorRepayments(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE }), (r) => [
        r.contractNo,
        r.agencyName ?? '',
        money(r.amount),
        day(r.paidOn),
        t(`repayments.channels.${r.channel}`),
        r.payer,
        r.reference,
        t(`repayments.source.${r.source}`),
        t(`repayments.status.${r.status}`),
        at(r.createdAt),
      ]),
  },
  statements: {
    orgTypes: ['creditor', 'agency'],
    permission: 'statements.read',
    header: (t) => [
      t('exports.col.month'),
      t('exports.col.otherSide'),
      t('exports.col.lines'),
      t('exports.col.base'),
      t('exports.col.commission'),
      t('exports.col.status'),
      t('exports.col.creditorAgreed'),
      t('exports.col.agencyAgreed'),
      t('exports.col.paidAt'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(listStatements(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE }), (s) => [
        s.month,
        s.otherName,
        count(s.lineCount),
        money(s.baseTotal),
        money(s.total),
        t(`statements.status.${s.status}`),
        at(s.creditorAgreedAt),
        at(s.agencyAgreedAt),
        at(s.paidAt),
      ]),
  },
  'creditor.imports': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [
      t('exports.col.at'),
      t('exports.col.fileName'),
      t('exports.col.kind'),
      t('exports.col.status'),
      t('exports.col.dataRows'),
      t('exports.col.errorCount'),
      t('exports.col.outcome'),
      t('exports.col.finishedAt'),
    ],
    rows: (db, caller, f, cursor, t) => {
      // Case files and repayment files are two histories on two screens; the filter says which.
      const kind = (f as { kind?: ImportKind }).kind ?? 'cases';
      return pageRows(listImports(db, caller, { cursor, limit: PAGE }, kind), (i) => [
        at(i.createdAt),
        i.fileName,
        t(`exports.importKind.${i.kind}`),
        t(`imports.status.${i.status}`),
        count(i.rowCount),
        // A file refused as a whole has no rows to count errors in, as on screen.
        i.errorCount === 0 && i.fileError ? '' : count(i.errorCount),
        i.summary
          ? t('repaymentImports.outcomeLine', {
              matched: i.summary.matched,
              direct: i.summary.direct,
              amount: formatFen(i.summary.amount),
            })
          : '',
        at(i.finishedAt),
      ]);
    },
  },
} satisfies { [K in ExportList]?: ListDef };
