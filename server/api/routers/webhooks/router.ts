import {
  createWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  resendWebhookDelivery,
  setWebhookEndpointActive,
} from '../../../domain/webhooks/endpoints';
import { listOrgEvents } from '../../../domain/webhooks/events-read';
import { authedProcedure, requirePermission, router } from '../../trpc';
import {
  ZCreateWebhookEndpointInput,
  ZCreatedWebhookEndpoint,
  ZListEventsInput,
  ZListWebhookDeliveriesInput,
  ZListWebhookEndpointsInput,
  ZResendWebhookInput,
  ZResentWebhook,
  ZWebhookDeliveries,
  ZWebhookEndpoint,
  ZWebhookEndpointIdInput,
  ZWebhookEndpoints,
  ZOrgEvents,
} from './webhooks.schema';

const hookManager = authedProcedure.use(requirePermission('org.apiKeys.manage'));

/** The organization's webhook endpoints: its admins register, switch and watch them. */
export const webhooksRouter = router({
  list: hookManager
    .input(ZListWebhookEndpointsInput)
    .output(ZWebhookEndpoints)
    .query(({ ctx, input }) => listWebhookEndpoints(ctx.db, ctx.caller, input)),
  /** The signing secret is in this answer only. */
  create: hookManager
    .input(ZCreateWebhookEndpointInput)
    .output(ZCreatedWebhookEndpoint)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.caller, input)),
  disable: hookManager
    .input(ZWebhookEndpointIdInput)
    .output(ZWebhookEndpoint)
    .mutation(({ ctx, input }) => setWebhookEndpointActive(ctx.db, ctx.caller, input.endpointId, false)),
  enable: hookManager
    .input(ZWebhookEndpointIdInput)
    .output(ZWebhookEndpoint)
    .mutation(({ ctx, input }) => setWebhookEndpointActive(ctx.db, ctx.caller, input.endpointId, true)),
  deliveries: hookManager
    .input(ZListWebhookDeliveriesInput)
    .output(ZWebhookDeliveries)
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.db, ctx.caller, input)),
  /** The organization's events as its endpoints were sent them, newest first (GET /api/v1/…/events reads these). */
  events: hookManager
    .input(ZListEventsInput)
    .output(ZOrgEvents)
    .query(({ ctx, input }) => listOrgEvents(ctx.db, ctx.caller, input)),
  resend: hookManager
    .input(ZResendWebhookInput)
    .output(ZResentWebhook)
    .mutation(({ ctx, input }) => resendWebhookDelivery(ctx.db, ctx.caller, input.deliveryId)),
});
