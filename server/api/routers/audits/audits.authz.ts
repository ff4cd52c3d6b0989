import { createAudit, reviewAuditItem } from '@/server/domain/audits/audits';
import { listAuditItems } from '@/server/domain/audits/items';
import { logAction } from '@/server/domain/work/actions';
import { shanghaiDate } from '@/lib/dates';
import type { AuthzTable } from '@/server/testing/authz';
import { morning, workingCases } from '@/server/testing/work';
import { domainCaller, type World } from '@/server/testing/world';

// Field audits are platform work: auditors (and the platform admin) create and review
// them; complaint handlers read them. No creditor or agency reaches them, so there is no
// tenant to cross: an audit of any agency is open to the staff who may read audits.
type Made = { auditId: string; itemId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { auditId: '', itemId: '' };
const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

/** An open audit of agencyA's calls yesterday, its first record found a violation if asked. */
const withAudit = (violation: boolean) => async (w: World) => {
  const { caseIds } = await workingCases(w, 2);
  const collector = await domainCaller(w, 'agencyA.collector');
  for (const caseId of caseIds)
    await logAction(
      w.db,
      collector,
      { caseId, channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
      morning('10:00:00', -1),
    );
  const auditor = await domainCaller(w, 'platform.auditor');
  const { id } = await createAudit(w.db, auditor, {
    method: 'random',
    agencyId: w.orgs.agencyA.id,
    periodFrom: day(-1),
    periodTo: day(0),
    sampleBp: 10_000,
  });
  const [item] = (await listAuditItems(w.db, id, { limit: 1 })).items;
  if (violation && item)
    await reviewAuditItem(w.db, auditor, {
      itemId: item.id,
      finding: 'violation',
      note: '通话中辱骂债务人，违反公约。',
    });
  made.set(w, { auditId: id, itemId: item?.id ?? '' });
};

const STAFF_ONLY = 'field audits are platform work; every audit is open to staff who may read audits';
const NOT_AUDITORS = ['platform.complaints', 'platform.reviewer', 'creditorA.admin', 'agencyA.admin'] as const;
const NOT_READERS = ['platform.reviewer', 'creditorA.admin', 'agencyA.admin'] as const;

export const auditsAuthz: AuthzTable = {
  'audits.create': {
    setup: async (w) => {
      const { caseIds } = await workingCases(w, 1);
      await logAction(
        w.db,
        await domainCaller(w, 'agencyA.collector'),
        { caseId: caseIds[0] ?? '', channel: 'call', target: 'debtor', index: 0, outcome: 'unanswered', note: '' },
        morning('10:00:00', -1),
      );
    },
    input: (w) => ({
      method: 'random',
      agencyId: w.orgs.agencyA.id,
      periodFrom: day(-1),
      periodTo: day(0),
      sampleBp: 5_000,
    }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: [...NOT_AUDITORS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.list': {
    input: () => ({ limit: 10 }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: [...NOT_READERS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.get': {
    setup: withAudit(false),
    input: (w) => ({ auditId: of(w).auditId }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: [...NOT_READERS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.items': {
    setup: withAudit(false),
    input: (w) => ({ auditId: of(w).auditId, limit: 10 }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: [...NOT_READERS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.item': {
    setup: withAudit(true),
    input: (w) => ({ itemId: of(w).itemId }),
    allowed: 'platform.complaints',
    anonymous: 'refused',
    wrongRole: [...NOT_READERS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.review': {
    setup: withAudit(false),
    input: (w) => ({ itemId: of(w).itemId, finding: 'pass', note: '' }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: [...NOT_AUDITORS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.complain': {
    setup: withAudit(true),
    input: (w) => ({ itemId: of(w).itemId, category: 'threats' }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: [...NOT_AUDITORS],
    wrongTenant: { none: STAFF_ONLY },
  },
  'audits.complete': {
    setup: async (w) => {
      await withAudit(false)(w);
      const auditor = await domainCaller(w, 'platform.auditor');
      for (const i of (await listAuditItems(w.db, of(w).auditId, { limit: 50 })).items)
        await reviewAuditItem(w.db, auditor, { itemId: i.id, finding: 'pass', note: '' });
    },
    input: (w) => ({ auditId: of(w).auditId, summary: '抽查的电话记录全部合规。' }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: [...NOT_AUDITORS],
    wrongTenant: { none: STAFF_ONLY },
  },
};
