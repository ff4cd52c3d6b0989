import { shanghaiMonth } from '@/lib/months';
import { publishDisclosure } from '@/server/domain/money/disclosure';
import type { AuthzTable } from '@/server/testing/authz';
import { domainCaller, type World } from '@/server/testing/world';

// The monthly disclosure: creditors read their own and their admin publishes it; platform
// staff read the platform-wide one; published reports are public.

/** Last month in Beijing: the newest month that has ended. */
const lastMonth = () => shanghaiMonth(-1);

const published = new WeakMap<World, string>();
const PUBLIC = 'published figures are for everyone to read';

export const disclosureAuthz: AuthzTable = {
  'disclosure.get': {
    input: () => ({ month: lastMonth() }),
    allowed: 'creditorA.viewer',
    anonymous: 'refused',
    wrongRole: ['agencyA.admin', 'creditorNew.admin'],
    wrongTenant: {
      none: 'the input names only a month: the figures are always the session creditor’s own, or the platform’s for staff (disclosure.integration.test.ts)',
    },
  },
  'disclosure.publish': {
    input: () => ({ month: lastMonth() }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'creditorA.viewer', 'agencyA.admin', 'platform.admin'],
    wrongTenant: { none: 'publishes only the session creditor’s own figures; the input names only a month' },
  },
  'disclosure.published': {
    input: () => ({ limit: 10 }),
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: { none: 'lists only what creditors chose to publish' },
  },
  'disclosure.publishedOne': {
    setup: async (w) => {
      const p = await publishDisclosure(w.db, await domainCaller(w, 'creditorB.admin'), lastMonth());
      published.set(w, p.id);
    },
    input: (w) => ({ id: published.get(w) ?? '' }),
    allowed: 'anonymous',
    anonymous: { isPublic: PUBLIC },
    wrongRole: { none: PUBLIC },
    wrongTenant: { none: 'a published report is public whoever published it' },
  },
};
