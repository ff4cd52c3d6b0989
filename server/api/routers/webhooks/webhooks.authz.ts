import { vi } from 'vitest';
import type { AuthzTable } from '@/server/testing/authz';
import { callerAs, type World } from '@/server/testing/world';
import { emitEvent } from '@/server/domain/webhooks/emit';

const endpoints = new WeakMap<World, string>();
const deliveries = new WeakMap<World, string>();

/** An endpoint of creditorA on a receiver address the tests allow-list, made by its admin. */
const withEndpoint = async (w: World): Promise<void> => {
  vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1');
  const admin = await callerAs(w.db, w.users['creditorA.admin']);
  const { endpoint } = await admin.webhooks.create({
    url: 'http://127.0.0.1:9/hooks',
    eventTypes: ['import.finished'],
  });
  endpoints.set(w, endpoint.id);
};

/** …and one delivery to it, waiting. */
const withDelivery = async (w: World) => {
  await withEndpoint(w);
  const endpointId = endpoints.get(w) ?? '';
  await w.db.transaction((tx) =>
    emitEvent(tx, { orgId: w.orgs.creditorA.id, type: 'import.finished', payload: { importId: 'x' } }),
  );
  const admin = await callerAs(w.db, w.users['creditorA.admin']);
  const page = await admin.webhooks.deliveries({ endpointId, limit: 1 });
  deliveries.set(w, page.items[0]?.id ?? '');
};

const disabled = async (w: World) => {
  await withEndpoint(w);
  const endpointId = endpoints.get(w) ?? '';
  const admin = await callerAs(w.db, w.users['creditorA.admin']);
  await admin.webhooks.disable({ endpointId });
};

export const webhooksAuthz: AuthzTable = {
  'webhooks.list': {
    input: () => ({ limit: 10 }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.supervisor', 'creditorA.manager', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session organization’s endpoints (webhooks.integration.test.ts)' },
  },
  'webhooks.events': {
    input: () => ({ limit: 10 }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'agencyA.supervisor', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: { none: 'lists only the session organization’s events (api.integration.test.ts)' },
  },
  'webhooks.create': {
    setup: async () => {
      vi.stubEnv('WEBHOOK_ALLOWED_HOSTS', '127.0.0.1');
    },
    input: () => ({ url: 'http://127.0.0.1:9/hooks', eventTypes: ['action.logged'] }),
    allowed: 'agencyA.admin',
    anonymous: 'refused',
    wrongRole: ['agencyA.collector', 'creditorA.viewer', 'platform.admin', 'creditorNew.admin'],
    wrongTenant: {
      as: 'creditorA.admin',
      input: (w) => ({ url: 'http://127.0.0.1:9/hooks', eventTypes: ['import.finished'], orgId: w.orgs.creditorB.id }),
      expect: 'BAD_REQUEST',
    },
  },
  'webhooks.disable': {
    setup: withEndpoint,
    input: (w) => ({ endpointId: endpoints.get(w) }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'agencyA.supervisor', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ endpointId: endpoints.get(w) }) },
  },
  'webhooks.enable': {
    setup: disabled,
    input: (w) => ({ endpointId: endpoints.get(w) }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'agencyA.supervisor', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ endpointId: endpoints.get(w) }) },
  },
  'webhooks.deliveries': {
    setup: withEndpoint,
    input: (w) => ({ endpointId: endpoints.get(w), limit: 10 }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.viewer', 'agencyA.supervisor', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ endpointId: endpoints.get(w), limit: 10 }) },
  },
  'webhooks.resend': {
    setup: withDelivery,
    input: (w) => ({ deliveryId: deliveries.get(w) }),
    allowed: 'creditorA.admin',
    anonymous: 'refused',
    wrongRole: ['creditorA.manager', 'agencyA.supervisor', 'platform.admin'],
    wrongTenant: { as: 'creditorB.admin', input: (w) => ({ deliveryId: deliveries.get(w) }) },
  },
};
