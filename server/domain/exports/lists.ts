import { bucketLabel } from '@/lib/cases';
import { bpToPercent, formatFen } from '@/lib/format';
import type { DbOrTx } from '@/db/client';
import type { AuditStatus, ExportList, ImportKind, OrgType, Province } from '@/lib/enums';
import type { Caller } from '../../auth/actor';
import type { Permission } from '../../auth/permissions';
import type { Translate } from '../../i18n/translate';
import { flagMessage } from '@/lib/flags';
import { at, count, day, money, percent, type Cell } from '../../tabular/cells';
import { listAuditForStaff } from '../audit/list-audit';
import { listAudits } from '../audits/audits';
import { listImports } from '../cases/imports';
import { listComplaints, type ComplaintListInput } from '../complaints/read';
import { listAgencyCases, listCreditorCases, type CaseFilters } from '../cases/case-lists';
import { listCreditorRepayments } from '../money/repayments';
import { listStatements } from '../money/statements';
import { listMarket, listMyBids, type MarketSort } from '../packages/market';
import { listPackages } from '../packages/packages';
import { listUsers } from '../users/users';
import { listVisits } from '../work/record';
import { listActivity } from '../work/oversight';
import { listCreditorRestructures } from '../work/restructure';

// The lists that can be exported (DESIGN §3): each reads its rows from the same domain
// list function its screen uses, with the screen's filters, masked as the screen masks.

const PAGE = 500;

type Page<T> = { items: T[]; nextCursor: string | null };
/** One page of a domain list as rows of cells, with the cursor of the next. */
const pageRows = async <T>(page: Promise<Page<T>>, toRow: (item: T) => Cell[]) => {
  const { items, nextCursor } = await page;
  return { rows: items.map(toRow), nextCursor };
};
export type ListDef = {
  orgTypes: readonly OrgType[];
  permission: Permission;
  header: (t: Translate) => string[];
  rows: (
    db: DbOrTx,
    caller: Caller,
    filters: Record<string, unknown>,
    cursor: string | null,
    t: Translate,
  ) => Promise<{ rows: Cell[][]; nextCursor: string | null }>;
};

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

/** The lists that can be exported: who may, the header, and how one page of rows is read (masked as on screen). */
export const EXPORT_LIST_DEFS: Record<ExportList, ListDef> = {
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
  'creditor.packages': {
    orgTypes: ['creditor'],
    permission: 'cases.read',
    header: (t) => [
      t('exports.col.packageName'),
      t('exports.col.status'),
      t('exports.col.cases'),
      t('exports.col.amountOverdue'),
      t('exports.col.closesAt'),
      t('exports.col.commissionStart'),
      t('exports.col.commissionEnd'),
      t('exports.col.createdAt'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(listPackages(db, caller, { ...(f as { status?: never }), cursor, limit: PAGE }), (p) => [
        p.name,
        t(`packageStatus.${p.status}`),
        count(p.figures.caseCount),
        money(p.figures.totalOverdue),
        at(p.closesAt),
        p.commissionStart ?? '',
        p.commissionEnd ?? '',
        at(p.createdAt),
      ]),
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
  'staff.audit': {
    orgTypes: ['platform'],
    permission: 'staff.audit.read',
    header: (t) => [
      t('exports.col.at'),
      t('exports.col.action'),
      t('exports.col.actor'),
      t('exports.col.actorOrg'),
      t('exports.col.org'),
      t('exports.col.resource'),
      t('exports.col.ip'),
      t('exports.col.after'),
    ],
    rows: (db, _caller, f, cursor, t) => {
      const filters = f as { actorUserId?: string; orgId?: string; action?: string; from?: string; to?: string };
      const page = listAuditForStaff(db, {
        actorUserId: filters.actorUserId,
        orgId: filters.orgId,
        action: filters.action,
        from: filters.from ? new Date(filters.from) : undefined,
        to: filters.to ? new Date(filters.to) : undefined,
        cursor,
        limit: PAGE,
      });
      return pageRows(page, (a) => [
        at(a.at),
        t(`auditAction.${a.action}`),
        [a.actorName, a.actorEmail].filter(Boolean).join(' '),
        a.actorOrgName ?? '',
        a.orgName ?? '',
        [a.resourceType, a.resourceId].filter(Boolean).join(' '),
        a.ip ?? '',
        a.after ? JSON.stringify(a.after) : '',
      ]);
    },
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
  'agency.bids': {
    orgTypes: ['agency'],
    permission: 'market.read',
    header: (t) => [
      t('exports.col.packageName'),
      t('exports.col.fee'),
      t('exports.col.expectedRecovery'),
      t('exports.col.teamSize'),
      t('exports.col.status'),
      t('exports.col.closesAt'),
      t('exports.col.bidAt'),
    ],
    rows: (db, caller, _f, cursor, t) =>
      pageRows(listMyBids(db, caller, { cursor, limit: PAGE }), (b) => [
        b.packageName,
        percent(b.feeBp),
        percent(b.expectedRecoveryBp),
        count(b.teamSize),
        t(`bids.status.${b.status}`),
        at(b.closesAt),
        at(b.createdAt),
      ]),
  },
  'agency.market': {
    orgTypes: ['agency'],
    permission: 'market.read',
    header: (t) => [
      t('exports.col.packageName'),
      t('exports.col.creditor'),
      t('exports.col.status'),
      t('exports.col.cases'),
      t('exports.col.amountOverdue'),
      t('exports.col.expectedRecovery'),
      t('exports.col.minTier'),
      t('exports.col.closesAt'),
      t('exports.col.commissionStart'),
      t('exports.col.commissionEnd'),
    ],
    rows: (db, caller, f, cursor, t) => {
      const filters = f as { sort?: MarketSort; province?: Province; bucket?: number };
      return pageRows(
        listMarket(db, caller, {
          sort: filters.sort ?? 'closing',
          province: filters.province,
          bucket: filters.bucket,
          cursor,
          limit: PAGE,
        }),
        (p) => [
          p.name,
          p.creditorName,
          t(`packageStatus.${p.status}`),
          count(p.figures.caseCount),
          money(p.figures.totalOverdue),
          percent(p.expectedRecoveryBp),
          p.minTier ?? t('packages.terms.anyTier'),
          at(p.closesAt),
          p.commissionStart ?? '',
          p.commissionEnd ?? '',
        ],
      );
    },
  },
  users: {
    // The users page of every portal: the caller's own organization, whoever may read it.
    orgTypes: ['creditor', 'agency', 'platform'],
    permission: 'org.users.read',
    header: (t) => [
      t('exports.col.name'),
      t('exports.col.email'),
      t('exports.col.role'),
      t('exports.col.status'),
      t('exports.col.lastSignIn'),
      t('exports.col.createdAt'),
    ],
    rows: (db, caller, _f, cursor, t) =>
      pageRows(listUsers(db, caller, { orgId: caller.actor.orgId, cursor, limit: PAGE }), (u) => [
        u.name,
        u.email,
        t(`roles.${caller.actor.orgType}.${u.role}`),
        t(u.disabledAt ? 'users.disabled' : u.isInvitePending ? 'users.invited' : 'users.active'),
        at(u.lastSignInAt),
        at(u.createdAt),
      ]),
  },
  complaints: {
    // Each portal's complaints as its list shows them: the agency's without the creditor.
    orgTypes: ['creditor', 'agency', 'platform'],
    permission: 'complaints.read',
    header: (t) => [
      t('exports.col.complaintReference'),
      t('exports.col.receivedAt'),
      t('exports.col.source'),
      t('exports.col.category'),
      t('exports.col.contractNo'),
      t('exports.col.agency'),
      t('exports.col.creditor'),
      t('exports.col.status'),
      t('exports.col.nextDue'),
      t('exports.col.overdue'),
    ],
    rows: (db, caller, f, cursor, t) =>
      pageRows(
        listComplaints(db, caller, { ...(f as Omit<ComplaintListInput, 'limit'>), cursor, limit: PAGE }),
        (c) => [
          c.reference,
          at(c.receivedAt),
          c.source ? t(`complaints.source.${c.source}`) : '',
          t(`complaints.category.${c.category}`),
          c.contractNo ?? '',
          c.agencyName ?? '',
          c.creditorName ?? '',
          c.status === 'closed' && c.outcome
            ? `${t('complaints.status.closed')}（${t(`complaints.outcome.${c.outcome}`)}）`
            : t(`complaints.status.${c.status}`),
          at(c.nextDueAt),
          c.overdue.map((o) => t(`complaints.overdue.${o}`)).join('；'),
        ],
      ),
  },
  'staff.audits': {
    // The field audits list: agency, period, sampling, progress and findings.
    orgTypes: ['platform'],
    permission: 'audits.read',
    header: (t) => [
      t('exports.col.agency'),
      t('exports.col.periodFrom'),
      t('exports.col.periodTo'),
      t('exports.col.sampling'),
      t('exports.col.records'),
      t('exports.col.reviewed'),
      t('audits.finding.pass'),
      t('audits.finding.issue'),
      t('audits.finding.violation'),
      t('exports.col.status'),
      t('exports.col.auditor'),
      t('exports.col.createdAt'),
      t('exports.col.summary'),
    ],
    rows: (db, _caller, f, cursor, t) =>
      pageRows(listAudits(db, { ...(f as { agencyId?: string; status?: AuditStatus }), cursor, limit: PAGE }), (a) => [
        a.agencyName,
        a.periodFrom,
        a.periodTo,
        a.method === 'random'
          ? t('audits.randomShare', { percent: bpToPercent(a.sampleBp ?? 0) })
          : t('audits.method.chosen'),
        count(a.itemCount),
        count(a.reviewed),
        count(a.findings.pass),
        count(a.findings.issue),
        count(a.findings.violation),
        t(`audits.status.${a.status}`),
        a.createdByName,
        at(a.createdAt),
        a.summary ?? '',
      ]),
  },
};
