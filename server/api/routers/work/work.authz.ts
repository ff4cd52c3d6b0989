import type { AuthzTable } from '@/server/testing/authz';
import { workingCases } from '@/server/testing/work';
import type { World } from '@/server/testing/world';

const made = new WeakMap<World, string>();
const withCase = async (w: World) => {
  made.set(w, (await workingCases(w, 3)).caseId);
};
const caseOf = (w: World) => made.get(w) ?? '';
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
    // A letter: not bound by the contact window, so the call succeeds at any hour of the run.
    input: (w) => ({ caseId: caseOf(w), channel: 'letter', target: 'debtor', index: 0, outcome: 'unanswered', note: '催收函已寄出' }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), channel: 'letter', target: 'debtor', index: 0, outcome: 'unanswered', note: '' }) },
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
};
