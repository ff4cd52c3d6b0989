import type { AuthzTable } from '@/server/testing/authz';
import type { World } from '@/server/testing/world';
import { callerAs } from '@/server/testing/world';

// The creditor's payment settings: its admins only (the account is shown to every debtor of
// its cases; the keys take its money). Each creditor reads and writes its own row: the
// organization comes from the session, never from input.

const ACCOUNT = { accountName: '华信消费金融有限公司', bankName: '中国工商银行北京分行营业部', provider: null };
const OWN_ROW = 'the settings are the session organization’s own row; no input names an organization';
const WRONG_ROLE = ['creditorA.manager', 'creditorA.viewer', 'agencyA.admin', 'platform.admin'] as const;

const withSettings = async (w: World) => {
  const admin = await callerAs(w.db, w.users['creditorA.admin']);
  await admin.payments.saveSettings({ ...ACCOUNT, accountNo: '0200001234567890123' });
};

export const paymentsAuthz: AuthzTable = {
  'payments.settings': {
    setup: withSettings,
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: [...WRONG_ROLE],
    wrongTenant: { none: OWN_ROW },
  },
  'payments.saveSettings': {
    input: () => ({ ...ACCOUNT, accountNo: '6222020200001234567' }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: [...WRONG_ROLE],
    wrongTenant: { none: OWN_ROW },
  },
};
