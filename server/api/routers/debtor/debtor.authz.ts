import type { AuthzTable } from '@/server/testing/authz';
import { shanghaiDate } from '@/lib/dates';
import { withCreditorAlipay } from '@/server/testing/alipay';
import { withDebtors } from '@/server/testing/debtor';

// The debtor's page: the way in is open to anyone (the details and the code are the check,
// limited per client); what follows needs the debtor's own session, whose case is the only
// one it reaches. Organizations' users are not debtors: refused (FORBIDDEN).

const WAY_IN = 'the debtor has no account: the case details and the one-time code are the check, limited per client';
const ORG_USERS = ['creditorA.admin', 'agencyA.collector', 'platform.admin'] as const;
const SESSION_CASE = 'the case comes from the debtor’s session, never from input';

export const debtorAuthz: AuthzTable = {
  'debtor.verify': {
    input: () => ({ contractNo: 'HX-NONE-1', debtorName: '张三', idLast4: '1234' }),
    allowed: 'anonymous',
    anonymous: { isPublic: WAY_IN },
    wrongRole: { none: WAY_IN },
    wrongTenant: {
      none: 'the case is found by its details; a mismatch answers as an unknown case (verify.integration.test.ts)',
    },
  },
  'debtor.sendCode': {
    input: () => ({ ticket: 'unsigned.0.x', index: 0 }),
    allowed: 'anonymous',
    anonymous: { isPublic: WAY_IN },
    wrongRole: { none: WAY_IN },
    wrongTenant: {
      none: 'the case comes from a ticket this server signed for verified details (verify.integration.test.ts)',
    },
  },
  'debtor.confirm': {
    input: () => ({ ticket: 'unsigned.0.x', codeId: '00000000-0000-4000-8000-000000000000', code: '123456' }),
    allowed: 'anonymous',
    anonymous: { isPublic: WAY_IN },
    wrongRole: { none: WAY_IN },
    wrongTenant: { none: 'a code answers only for the case of its ticket (verify.integration.test.ts)' },
  },
  'debtor.overview': {
    setup: withDebtors,
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.dispute': {
    setup: withDebtors,
    input: () => ({ reason: '这笔借款我已经在去年全部还清，有银行转账记录。' }),
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.chooseContact': {
    setup: withDebtors,
    input: () => ({ kind: 'writing' }),
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.complaintCase': {
    setup: withDebtors,
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.complain': {
    setup: withDebtors,
    input: () => ({
      relation: 'self',
      complainantName: '',
      contactPhone: null,
      category: 'harassment',
      description: '催收员一天之内给我打了二十多次电话。',
      evidence: [],
    }),
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.plan': {
    setup: withDebtors,
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.proposePlan': {
    setup: withDebtors,
    input: () => ({
      kind: 'instalments',
      terms: { instalments: 3, firstDueDate: shanghaiDate(new Date(Date.now() + 2 * 86_400_000)) },
      reason: '最近收入减少，希望分三期还清。',
    }),
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.payment': {
    setup: withDebtors,
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.payOnline': {
    setup: async (w) => {
      await withDebtors(w);
      await withCreditorAlipay(w);
    },
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
  'debtor.signOut': {
    setup: withDebtors,
    allowed: 'debtor',
    anonymous: 'refused',
    wrongRole: [...ORG_USERS],
    wrongTenant: { none: SESSION_CASE },
  },
};
