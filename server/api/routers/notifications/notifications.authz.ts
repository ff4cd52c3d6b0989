import type { AuthzTable } from '@/server/testing/authz';

const OWN = 'reads and marks only the session user’s own notifications (notifications.integration.test.ts)';

export const notificationsAuthz: AuthzTable = {
  'notifications.list': {
    input: () => ({ limit: 20 }),
    allowed: 'agencyNew.collector',
    anonymous: 'refused',
    wrongRole: { none: 'every signed-in user has an inbox' },
    wrongTenant: { none: OWN },
  },
  'notifications.markRead': {
    input: () => ({ ids: 'all' }),
    allowed: 'platform.auditor',
    anonymous: 'refused',
    wrongRole: { none: 'every signed-in user has an inbox' },
    wrongTenant: { none: OWN },
  },
};
