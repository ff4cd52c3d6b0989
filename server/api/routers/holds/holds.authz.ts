import type { AuthzTable } from '@/server/testing/authz';
import { workingCases } from '@/server/testing/work';
import { callerAs, type World } from '@/server/testing/world';

const made = new WeakMap<World, string>();
/** A dispute logged by agencyA on one of creditorA's cases: an open hold waiting for creditorA. */
const withHold = async (w: World) => {
  const { caseId } = await workingCases(w, 2);
  const agency = await callerAs(w.db, w.users['agencyA.collector']);
  await agency.work.logAction({
    caseId,
    channel: 'email',
    target: 'debtor',
    index: 0,
    outcome: 'dispute',
    note: '债务人回信称已结清，提出异议',
  });
  const creditor = await callerAs(w.db, w.users['creditorA.viewer']);
  const { items } = await creditor.holds.list({ status: 'open', limit: 1 });
  made.set(w, items.find((h) => h.caseId === caseId)?.id ?? '');
};

export const holdsAuthz: AuthzTable = {
  'holds.list': {
    input: () => ({ status: 'open', limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only holds on the session creditor’s cases (holds.integration.test.ts)' },
  },
  'holds.decide': {
    setup: withHold,
    input: (w) => ({ holdId: made.get(w), decision: 'continue', reason: '已核实欠款属实，继续催收' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorB.manager',
      input: (w) => ({ holdId: made.get(w), decision: 'close', reason: '结案' }),
    },
  },
};
