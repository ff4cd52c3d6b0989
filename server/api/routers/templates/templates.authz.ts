import type { AuthzTable } from '@/server/testing/authz';
import { packageOfCase, workingCases } from '@/server/testing/work';
import { callerAs, type World } from '@/server/testing/world';

const made = new WeakMap<World, string>();
const withSubmitted = async (w: World) => {
  const { caseId } = await workingCases(w, 3);
  const agency = await callerAs(w.db, w.users['agencyA.supervisor']);
  made.set(
    w,
    (
      await agency.work.submitTemplate({
        packageId: await packageOfCase(w, caseId),
        channel: 'letter',
        title: '催收函',
        body: '您好，您的借款已逾期，请于收到本函后七日内联系我们。',
      })
    ).id,
  );
};

export const templatesAuthz: AuthzTable = {
  'templates.list': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'lists only templates for the session creditor’s packages (work.integration.test.ts, templates)',
    },
  },
  'templates.decide': {
    setup: withSubmitted,
    input: (w) => ({ templateId: made.get(w), approve: true, note: '' }),
    allowed: 'creditorA.manager',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.admin', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { as: 'creditorB.manager', input: (w) => ({ templateId: made.get(w), approve: true, note: '' }) },
  },
};
