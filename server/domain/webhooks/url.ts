import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress, type AddressClass } from './address';

// A webhook URL is checked when it is registered, when an endpoint is enabled again, and
// before every request: DNS may have changed since (a name that resolved to a public
// address can later resolve to 10.0.0.5). The request then connects to the address that
// was checked (send.ts), so a second lookup cannot swap it (DNS rebinding).

export type WebhookTarget = { url: URL; address: string; family: 4 | 6 };

export type UrlRefusal =
  'webhook.urlInvalid' | 'webhook.urlNotHttps' | 'webhook.urlPrivate' | 'webhook.urlUnresolvable';

export type UrlCheck = { ok: true; target: WebhookTarget } | { ok: false; code: UrlRefusal; address?: AddressClass };

export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

const resolveAll: Resolve = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Hosts (names or addresses) a webhook may reach whatever they resolve to, over http too:
 * `WEBHOOK_ALLOWED_HOSTS`, comma-separated. For development and tests (a receiver on
 * 127.0.0.1); production leaves it unset.
 */
export const webhookAllowedHosts = (): string[] =>
  (process.env.WEBHOOK_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, ''),
    )
    .filter(Boolean);

export const checkWebhookUrl = async (
  raw: string,
  { resolve = resolveAll, allowedHosts = webhookAllowedHosts() }: { resolve?: Resolve; allowedHosts?: string[] } = {},
): Promise<UrlCheck> => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: 'webhook.urlInvalid' };
  }
  // Credentials in the URL would be stored and shown in the clear; a receiver authenticates
  // the platform by the signature instead.
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !url.hostname)
    return { ok: false, code: 'webhook.urlInvalid' };
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const isAllowed = allowedHosts.includes(host);
  if (url.protocol !== 'https:' && !isAllowed) return { ok: false, code: 'webhook.urlNotHttps' };
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, code: 'webhook.urlUnresolvable' };
    }
  }
  const first = addresses[0];
  if (!first) return { ok: false, code: 'webhook.urlUnresolvable' };
  if (!isAllowed) {
    // Every address must be public: a name answering one public and one private address
    // would otherwise reach the private one on some connections.
    for (const a of addresses) {
      const kind = classifyAddress(a.address);
      if (kind !== 'public') return { ok: false, code: 'webhook.urlPrivate', address: kind };
    }
  }
  return { ok: true, target: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
};
