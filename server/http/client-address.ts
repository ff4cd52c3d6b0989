import { isIP } from 'node:net';

// Who is asking, as far as the limits per client address and the audit trail are concerned.
//
// X-Forwarded-For is written by whoever sends the request: only entries appended by proxies
// this deployment runs can be believed. The chain is [...X-Forwarded-For entries, the socket
// peer]; with TRUSTED_PROXY_HOPS proxies in front of the app, the client is the entry the
// nearest-to-the-client trusted proxy appended: chain[len - 1 - hops]. With no proxy (the
// default) it is the socket peer itself.
//
// `next start` loses the socket address when the client sends its own X-Forwarded-For
// (it only fills the header in when it is missing), so the app's own server
// (scripts/serve.ts) puts the socket address in PEER_HEADER, replacing any copy a client
// sent, and marks the process so this header is believed only there.

/** The socket address of the request, set by the app's server; a client's own copy is removed. */
export const PEER_HEADER = 'x-daylight-peer';
/** Set by the app's server in its own process: PEER_HEADER holds the socket address. */
export const PEER_STAMPED_ENV = 'DAYLIGHT_PEER_STAMPED';

const MAX_HOPS = 10;

/** How many proxies in front of the app append to X-Forwarded-For (TRUSTED_PROXY_HOPS, default 0). */
export const trustedProxyHops = (): number => {
  const raw = (process.env.TRUSTED_PROXY_HOPS ?? '').trim();
  if (raw === '') return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_HOPS) {
    throw new Error(
      `TRUSTED_PROXY_HOPS must be a whole number from 0 to ${MAX_HOPS} (the proxies in front of the app), not "${raw}"`,
    );
  }
  return Number(raw);
};

type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;

const read = (headers: HeaderSource, name: string): string | null => {
  if (typeof headers.get === 'function') return (headers as { get(name: string): string | null }).get(name);
  const v = (headers as Record<string, unknown>)[name];
  if (typeof v === 'string') return v;
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(', ') : null;
};

/** An address as a proxy or the socket writes it, without port, brackets or the IPv4-mapped prefix; null if it is none. */
export const normalizeAddress = (raw: string): string | null => {
  let s = raw.trim();
  if (s.length > 100) return null;
  if (s.startsWith('[')) {
    const end = s.indexOf(']');
    if (end < 0) return null;
    s = s.slice(1, end);
  } else if (/^[\d.]+:\d+$/.test(s)) {
    s = s.slice(0, s.lastIndexOf(':'));
  }
  const mapped = /^::ffff:([\d.]+)$/i.exec(s);
  if (mapped?.[1] && isIP(mapped[1]) === 4) s = mapped[1];
  return isIP(s) ? s.toLowerCase() : null;
};

/**
 * The client's address from the request headers the app's server passed on, trusting
 * `hops` proxies in front of it; null when it cannot be known (then every such request
 * shares one count per limit).
 */
export const clientAddress = (headers: HeaderSource, hops: number): string | null => {
  if (process.env[PEER_STAMPED_ENV] !== '1') return null;
  const peer = read(headers, PEER_HEADER);
  if (!peer) return null;
  const forwarded =
    hops > 0
      ? (read(headers, 'x-forwarded-for') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  const chain = [...forwarded, peer];
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)] ?? '');
};
