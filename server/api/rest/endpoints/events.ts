import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhook-events';
import { ZOrgEvents } from '../../routers/webhooks/webhooks.schema';
import { endpoint } from '../endpoint';
import { errorResponses, queryInt } from './shared';

// The organization's events, for a system that polls or catches up after it was down: the
// same events its webhook endpoints are sent (written when an endpoint subscribes to them).

const ZEventsQuery = z.strictObject({
  type: z.enum(WEBHOOK_EVENT_TYPES).optional(),
  cursor: z.string().max(200).optional(),
  limit: queryInt(1, 200).default(50),
});

const eventsOf = (orgType: 'creditor' | 'agency') =>
  endpoint({
    method: 'GET',
    path: `/${orgType}/events`,
    operationId: orgType === 'creditor' ? 'listCreditorEvents' : 'listAgencyEvents',
    tag: orgType,
    orgType,
    scope: 'events:read',
    summary: { zh: '事件', en: 'Events' },
    description: {
      zh: '发给本机构 Webhook 端点的事件（订阅了的事件类型），最新在前；系统停机或端点被停用后用它补齐，按 id 去重。',
      en: 'The events sent to the organization’s webhook endpoints (the types they subscribe to), newest first: after downtime or a disabled endpoint, catch up here and deduplicate by id.',
    },
    query: ZEventsQuery,
    responses: {
      200: { description: { zh: '一页事件', en: 'A page of events' }, schema: ZOrgEvents },
      ...errorResponses,
    },
    handle: async ({ api, query }) => ({ body: await api.webhooks.events(query) }),
  });

export const eventEndpoints = [eventsOf('creditor'), eventsOf('agency')];
