import { bpToPercent } from '@/lib/format';
import type { AuditStatus, ExportList } from '@/lib/enums';
import { at, count } from '../../../tabular/cells';
import { listAuditForStaff } from '../../audit/list-audit';
import { listAudits } from '../../audits/audits';
import { listComplaints, type ComplaintListInput } from '../../complaints/read';
import { listUsers } from '../../users/users';
import { PAGE, pageRows, type ListDef } from './list-def';

// The oversight lists: the audit log, each portal's users and complaints, field audits.

export const OVERSIGHT_LISTS = {
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
} satisfies { [K in ExportList]?: ListDef };
