// What an organization's webhook endpoints may subscribe to, shared by the server (the
// outbox and its checks) and the screen (the checkboxes). Each payload carries ids,
// counts, amounts in fen and masked data only: a receiver learns that something happened
// and reads the rest through /api/v1 with its own key.

export const WEBHOOK_EVENT_TYPES = [
  'import.finished',
  'package.awarded',
  'case.assigned',
  'case.recalled',
  'action.logged',
  'promise.created',
  'promise.broken',
  'repayment.reported',
  'repayment.confirmed',
  'complaint.filed',
  'complaint.decided',
  'sanction.imposed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Which events an organization of each kind can receive (an agency imports nothing, a creditor is never sanctioned). */
export const WEBHOOK_EVENTS_FOR = {
  creditor: [
    'import.finished',
    'package.awarded',
    'case.recalled',
    'action.logged',
    'promise.created',
    'promise.broken',
    'repayment.reported',
    'repayment.confirmed',
    'complaint.filed',
    'complaint.decided',
  ],
  agency: [
    'package.awarded',
    'case.assigned',
    'case.recalled',
    'action.logged',
    'promise.created',
    'promise.broken',
    'repayment.reported',
    'repayment.confirmed',
    'complaint.decided',
    'sanction.imposed',
  ],
} as const satisfies Record<'creditor' | 'agency', readonly WebhookEventType[]>;

export const WEBHOOK_ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

/** Why an endpoint stopped receiving: its admin disabled it, or it failed every attempt for a day. */
export const WEBHOOK_DISABLED_REASONS = ['byAdmin', 'failing'] as const;
export type WebhookDisabledReason = (typeof WEBHOOK_DISABLED_REASONS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const MAX_WEBHOOK_URL = 2000;
/** Endpoints an organization may have at once: each event is one request per endpoint. */
export const MAX_WEBHOOK_ENDPOINTS = 10;
