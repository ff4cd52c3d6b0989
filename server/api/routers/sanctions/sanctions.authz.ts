import type { SanctionKind } from '@/lib/enums';
import { appealSanction } from '@/server/domain/sanctions/appeal';
import { freezeCommission } from '@/server/domain/sanctions/freeze';
import type { AuthzTable } from '@/server/testing/authz';
import { sanctionCiting, upheldComplaint } from '@/server/testing/sanctions';
import { domainCaller, type World } from '@/server/testing/world';

// Sanctions: staff who manage them propose, approve another's ban, lift and record appeals;
// a platform admin decides appeals; the agency reads its own and its admin appeals;
// creditors read those on agencies they commission and freeze their commissions.
type Made = { complaintId: string; sanctionId: string; commissionId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { complaintId: '', sanctionId: '', commissionId: '' };

/** An upheld complaint about agencyA, and optionally a sanction of `kind` citing it (a ban: proposed by the complaints handler). */
const withSanction = (kind: SanctionKind | null, then?: (w: World, m: Made) => Promise<void>) => async (w: World) => {
  const { complaintId, commissionId } = await upheldComplaint(w);
  const sanctionId = kind ? (await sanctionCiting(w, complaintId, kind)).id : '';
  const m = { complaintId, sanctionId, commissionId };
  made.set(w, m);
  await then?.(w, m);
};

const STAFF_ONLY = { none: 'staff sanction any agency on the platform; there is no tenant to cross' };
const MANAGERS_ONLY = ['platform.reviewer', 'creditorA.admin', 'agencyA.admin'] as const;
const managed = (
  kind: SanctionKind | null,
  input: (w: World) => unknown,
  allowed: 'platform.admin' | 'platform.auditor' | 'platform.complaints' = 'platform.admin',
) => ({
  setup: withSanction(kind),
  input,
  allowed,
  anonymous: 'refused' as const,
  wrongRole: [...MANAGERS_ONLY],
  wrongTenant: STAFF_ONLY,
});
const sanction = (w: World) => ({ sanctionId: of(w).sanctionId });
const commission = (w: World) => ({ commissionId: of(w).commissionId });

export const sanctionsAuthz: AuthzTable = {
  'sanctions.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'agencyNew.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only what the session organization may read (sanctions.integration.test.ts)' },
  },
  'sanctions.get': {
    setup: withSanction('warning'),
    input: sanction,
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector'],
    wrongTenant: { as: 'agencyB.admin', input: sanction },
  },
  'sanctions.standing': {
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.admin', 'platform.admin'],
    wrongTenant: { none: 'reads the session agency’s own standing, named by no input' },
  },
  'sanctions.propose': managed(
    null,
    (w) => ({
      complaintId: of(w).complaintId,
      auditItemId: null,
      kind: 'warning',
      points: null,
      endsOn: null,
      reason: '催收员言语不当，予以警告。',
    }),
    'platform.auditor',
  ),
  'sanctions.approve': managed('ban', (w) => ({ ...sanction(w), note: '' })),
  'sanctions.reject': managed('ban', (w) => ({ ...sanction(w), note: '证据不足以永久禁入' })),
  'sanctions.lift': managed('suspension', (w) => ({ ...sanction(w), note: '已完成整改' }), 'platform.complaints'),
  'sanctions.recordAppeal': managed('warning', (w) => ({
    ...sanction(w),
    text: '我司于 3 月 10 日书面申诉，认为录音不完整。',
  })),
  'sanctions.decideAppeal': {
    setup: withSanction('warning', async (w, m) => {
      await appealSanction(w.db, await domainCaller(w, 'agencyA.admin'), {
        sanctionId: m.sanctionId,
        text: '我司已停止涉事催收员作业，请求撤销警告。',
      });
    }),
    input: (w) => ({ ...sanction(w), outcome: 'denied', note: '证据充分，维持处罚' }),
    allowed: 'platform.admin',
    anonymous: 'refused',
    wrongRole: ['platform.complaints', 'platform.auditor', 'agencyA.admin', 'creditorA.admin'],
    wrongTenant: STAFF_ONLY,
  },
  'sanctions.appeal': {
    setup: withSanction('warning'),
    input: (w) => ({ ...sanction(w), text: '我司已停止涉事催收员作业，请求撤销警告。' }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'creditorA.admin', 'platform.admin'],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ ...sanction(w), text: '试图对另一家机构的处罚申诉。' }) },
  },
  'sanctions.suspendedCommissions': {
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session creditor’s commissions (sanctions.integration.test.ts)' },
  },
  'sanctions.freeze': {
    setup: withSanction('suspension'),
    input: commission,
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: commission },
  },
  'sanctions.unfreeze': {
    setup: withSanction('suspension', async (w, m) => {
      await freezeCommission(w.db, await domainCaller(w, 'creditorA.manager'), { commissionId: m.commissionId });
    }),
    input: commission,
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: commission },
  },
};
