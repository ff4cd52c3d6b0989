import { WEBHOOK_EVENTS_FOR } from '@/lib/webhook-events';
import { WebhooksScreen } from '@/components/webhooks/webhooks-screen';
import { loadPortalMe } from './portal-me';
import { Forbidden } from './forbidden';

/** The webhooks screen of a creditor or an agency: its admins only (the same permission as API keys). */
export const WebhooksPage = async ({ portal }: { portal: 'creditor' | 'agency' }) => {
  const me = await loadPortalMe(portal);
  if (!me.permissions.includes('org.apiKeys.manage')) return <Forbidden />;
  return <WebhooksScreen events={WEBHOOK_EVENTS_FOR[portal]} />;
};
