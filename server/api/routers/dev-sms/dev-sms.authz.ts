import type { AuthzTable } from '@/server/testing/authz';

const OUTBOX =
  'exists only while SMS stay in the outbox (development and tests, NOT_FOUND with a real provider): developers and the browser tests read the one-time codes it would have sent, without an account';

export const devSmsAuthz: AuthzTable = {
  'devSms.list': {
    input: () => ({ limit: 10 }),
    allowed: 'anonymous',
    anonymous: { isPublic: OUTBOX },
    wrongRole: { none: OUTBOX },
    wrongTenant: {
      none: 'the outbox is the machine’s own, no organization’s: every caller sees the same messages (dev-sms.integration.test.ts)',
    },
  },
};
