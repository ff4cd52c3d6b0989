import type { AuthzTable } from '@/server/testing/authz';
import { workingCases } from '@/server/testing/work';
import { callerAs, type World } from '@/server/testing/world';

const made = new WeakMap<World, string>();
/** A request outside the bands (a deferral), waiting for creditorA. */
const withRequest = async (w: World) => {
  const { caseId } = await workingCases(w, 3);
  const agency = await callerAs(w.db, w.users['agencyA.supervisor']);
  made.set(
    w,
    (
      await agency.work.proposeRestructure({
        caseId,
        kind: 'deferral',
        terms: { deferTo: '2099-01-01' },
        reason: '债务人住院，申请延期',
      })
    ).id,
  );
};

export const restructuresAuthz: AuthzTable = {
  'restructures.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'lists only requests on the session creditor’s cases (work.integration.test.ts, restructuring)',
    },
  },
  'restructures.decide': {
    setup: withRequest,
    input: (w) => ({ requestId: made.get(w), approve: true, note: '同意延期' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ requestId: made.get(w), approve: true, note: '同意' }) },
  },
};
