import type { AuthzTable } from '@/server/testing/authz';
import { packageOfCase, workingCases } from '@/server/testing/work';
import type { World } from '@/server/testing/world';

const made = new WeakMap<World, string>();
const withCase = async (w: World) => {
  made.set(w, (await workingCases(w, 3)).caseId);
};
const caseOf = (w: World) => made.get(w) ?? '';
const packageOf = (w: World) => packageOfCase(w, caseOf(w));
// Every role of the agency works cases; creditors, staff and applicants do not.
const NOT_AGENCY = ['creditorA.admin', 'platform.admin', 'agencyNew.admin'] as const;
const OTHER_AGENCY = 'agencyB.admin' as const;

export const workAuthz: AuthzTable = {
  'work.queue': {
    setup: withCase,
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { none: 'lists only cases assigned to the session user in the session agency (work.integration.test.ts, queue)' },
  },
  'work.case': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w) }) },
  },
  'work.actions': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w), limit: 10 }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), limit: 10 }) },
  },
  'work.canContact': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w), channel: 'call', target: 'debtor', index: 0 }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), channel: 'call', target: 'debtor', index: 0 }) },
  },
  'work.logAction': {
    setup: withCase,
    // An email: not bound by the contact window, so the call succeeds at any hour of the run.
    input: (w) => ({ caseId: caseOf(w), channel: 'email', target: 'debtor', index: 0, outcome: 'unanswered', note: '已发送还款提醒邮件' }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), channel: 'email', target: 'debtor', index: 0, outcome: 'unanswered', note: '' }) },
  },
  'work.reveal': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w), field: 'idNumber', reason: '核对身份' }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), field: 'idNumber', reason: '核对身份' }) },
  },
  'work.restructures': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w) }) },
  },
  'work.proposeRestructure': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w), kind: 'deferral', terms: { deferTo: '2099-01-01' }, reason: '债务人失业，申请延期' }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), kind: 'deferral', terms: { deferTo: '2099-01-01' }, reason: '债务人失业，申请延期' }) },
  },
  'work.templates': {
    input: () => ({}),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { none: 'lists only the session agency’s templates (work.integration.test.ts, templates)' },
  },
  'work.submitTemplate': {
    setup: withCase,
    input: async (w) => ({ packageId: await packageOf(w), channel: 'sms', title: '还款提醒', body: '您好，您的借款已逾期，请尽快与我们联系协商还款。' }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', ...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: async (w) => ({ packageId: await packageOf(w), channel: 'sms', title: '还款提醒', body: '您好，您的借款已逾期，请尽快与我们联系协商还款。' }) },
  },
  'work.packages': {
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { none: 'lists only packages commissioned to the session agency' },
  },
};
