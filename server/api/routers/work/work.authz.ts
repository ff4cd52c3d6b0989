import { shanghaiDate } from '@/lib/dates';
import type { AuthzTable } from '@/server/testing/authz';
import { caseWithRepayment, caseWithVisit, dayAfterTomorrow, packageOfCase, workingCases } from '@/server/testing/work';
import type { World } from '@/server/testing/world';

// Case work, field visits and repayment reports: every role of the agency working the
// case; creditors, staff and applicants do not. Another agency's case answers NOT_FOUND.
type Made = { caseId: string; visitId: string; fileId: string; repaymentId: string };
const made = new WeakMap<World, Made>();
const of = (w: World): Made => made.get(w) ?? { caseId: '', visitId: '', fileId: '', repaymentId: '' };
const remember = (w: World, values: Partial<Made>) => {
  made.set(w, { ...of(w), ...values });
};
const withCase = async (w: World) => remember(w, { caseId: (await workingCases(w, 3)).caseId });
/** A case in a zone where it is daytime now, with a planned visit (and, if asked, a recorded one with a photo uploaded). */
const withVisit = (recorded: boolean) => async (w: World) => remember(w, await caseWithVisit(w, recorded));
/** A case with a repayment its collector reported. */
const withRepayment = async (w: World) => remember(w, await caseWithRepayment(w, false));
const caseOf = (w: World) => of(w).caseId;
const packageOf = (w: World) => packageOfCase(w, caseOf(w));
const NOT_AGENCY = ['creditorA.admin', 'platform.admin', 'agencyNew.admin'] as const;
const OTHER_AGENCY = 'agencyB.admin' as const;
const plan = (w: World) => ({
  caseId: caseOf(w),
  date: dayAfterTomorrow(),
  time: '13:00',
  staffIds: [w.users['agencyA.collector'].id, w.users['agencyA.admin'].id],
  address: '杭州市西湖区文三路 90 号',
  purpose: '面谈',
});
const report = (w: World) => ({
  caseId: caseOf(w),
  amount: 1_000,
  paidOn: shanghaiDate(new Date()),
  channel: 'wechat_pay',
  payer: '本人',
  reference: 'AZ-2',
  note: '',
});

export const workAuthz: AuthzTable = {
  'work.queue': {
    setup: withCase,
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: {
      none: 'lists only cases assigned to the session user in the session agency (work.integration.test.ts, queue)',
    },
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
    wrongTenant: {
      as: OTHER_AGENCY,
      input: (w) => ({ caseId: caseOf(w), channel: 'call', target: 'debtor', index: 0 }),
    },
  },
  'work.logAction': {
    setup: withCase,
    // An email: not bound by the contact window, so the call succeeds at any hour of the run.
    input: (w) => ({
      caseId: caseOf(w),
      channel: 'email',
      target: 'debtor',
      index: 0,
      outcome: 'unanswered',
      note: '已发送还款提醒邮件',
    }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: {
      as: OTHER_AGENCY,
      input: (w) => ({
        caseId: caseOf(w),
        channel: 'email',
        target: 'debtor',
        index: 0,
        outcome: 'unanswered',
        note: '',
      }),
    },
  },
  'work.contactRequest': {
    setup: withCase,
    input: (w) => ({
      caseId: caseOf(w),
      stoppedChannels: ['visit'],
      quietFrom: null,
      quietTo: null,
      quietWorkdaysOnly: false,
      note: '债务人要求不要上门',
    }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: {
      as: OTHER_AGENCY,
      input: (w) => ({
        caseId: caseOf(w),
        stoppedChannels: ['visit'],
        quietFrom: null,
        quietTo: null,
        quietWorkdaysOnly: false,
        note: '债务人要求不要上门',
      }),
    },
  },
  'work.reveal': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w), field: 'idNumber', reason: '核对身份' }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w), field: 'idNumber', reason: '核对身份' }) },
  },
  'work.recordFinding': {
    setup: withCase,
    input: (w) => ({
      caseId: caseOf(w),
      kind: 'address',
      address: '杭州市西湖区文二路 8 号',
      source: 'debtor',
      note: '',
    }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: {
      as: OTHER_AGENCY,
      input: (w) => ({
        caseId: caseOf(w),
        kind: 'address',
        address: '杭州市西湖区文二路 8 号',
        source: 'debtor',
        note: '',
      }),
    },
  },
  'work.changes': {
    setup: withCase,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: OTHER_AGENCY, input: (w) => ({ caseId: caseOf(w) }) },
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
    input: (w) => ({
      caseId: caseOf(w),
      kind: 'deferral',
      terms: { deferTo: '2099-01-01' },
      reason: '债务人失业，申请延期',
    }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: {
      as: OTHER_AGENCY,
      input: (w) => ({
        caseId: caseOf(w),
        kind: 'deferral',
        terms: { deferTo: '2099-01-01' },
        reason: '债务人失业，申请延期',
      }),
    },
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
    input: async (w) => ({
      packageId: await packageOf(w),
      channel: 'sms',
      title: '还款提醒',
      body: '您好，您的借款已逾期，请尽快与我们联系协商还款。',
    }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', ...NOT_AGENCY],
    wrongTenant: {
      as: 'agencyB.admin',
      input: async (w) => ({
        packageId: await packageOf(w),
        channel: 'sms',
        title: '还款提醒',
        body: '您好，您的借款已逾期，请尽快与我们联系协商还款。',
      }),
    },
  },
  'work.packages': {
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { none: 'lists only packages commissioned to the session agency' },
  },
  'work.visits': {
    setup: withVisit(false),
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ caseId: caseOf(w) }) },
  },
  'work.visitStaff': {
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { none: 'lists only the session agency’s own active users' },
  },
  'work.planVisit': {
    setup: withVisit(false),
    input: plan,
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: plan },
  },
  'work.recordVisit': {
    setup: withVisit(false),
    input: (w) => ({ visitId: of(w).visitId, outcome: 'answered', note: '见到本人' }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ visitId: of(w).visitId, outcome: 'answered', note: '' }) },
  },
  'work.cancelVisit': {
    setup: withVisit(false),
    input: (w) => ({ visitId: of(w).visitId, reason: '债务人来电改约' }),
    allowed: 'agencyA.supervisor',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ visitId: of(w).visitId, reason: '债务人来电改约' }) },
  },
  'work.attachEvidence': {
    setup: withVisit(true),
    input: (w) => ({ visitId: of(w).visitId, fileId: of(w).fileId, fileName: '门牌.png' }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: [...NOT_AGENCY],
    wrongTenant: {
      as: 'agencyB.admin',
      input: (w) => ({ visitId: of(w).visitId, fileId: of(w).fileId, fileName: '门牌.png' }),
    },
  },
  'work.repayments': {
    setup: withRepayment,
    input: (w) => ({ caseId: caseOf(w) }),
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: { as: 'agencyB.admin', input: (w) => ({ caseId: caseOf(w) }) },
  },
  'work.reportRepayment': {
    setup: withRepayment,
    input: report,
    allowed: 'agencyA.collector',
    anonymous: 'refused',
    wrongRole: ['creditorA.admin', 'platform.admin', 'agencyNew.admin'],
    wrongTenant: { as: 'agencyB.admin', input: report },
  },
};
