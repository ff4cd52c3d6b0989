// The client address every per-address limit counts by (sign-in throttle, complaint
// filings, status look-ups, evidence uploads) and the audit trail records. The client
// writes X-Forwarded-For itself, so only the entries added by the configured number of
// trusted proxies count; with none, the address the app's own server saw on the socket.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { metaFromHeaders } from '../api/context';
import { clientAddress, normalizeAddress, PEER_HEADER, trustedProxyHops } from './client-address';

const h = (init: Record<string, string>) => new Headers(init);

beforeEach(() => {
  // As the app's own server (scripts/serve.ts) marks the process it stamps peers in.
  vi.stubEnv('DAYLIGHT_PEER_STAMPED', '1');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('client address', () => {
  it('ignores a forwarded address the client wrote when no proxy is trusted', () => {
    const headers = h({ 'x-forwarded-for': '203.0.113.7', 'x-real-ip': '203.0.113.8', [PEER_HEADER]: '198.51.100.1' });
    expect(clientAddress(headers, 0)).toBe('198.51.100.1');
  });

  it('behind one proxy takes the entry that proxy appended, not the first', () => {
    // The client sent "203.0.113.7"; the load balancer (198.51.100.250) appended the address it saw.
    const headers = h({ 'x-forwarded-for': '203.0.113.7, 192.0.2.44', [PEER_HEADER]: '198.51.100.250' });
    expect(clientAddress(headers, 1)).toBe('192.0.2.44');
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    expect(
      clientAddress(h({ 'x-forwarded-for': '203.0.113.7, 192.0.2.44, 10.0.0.5', [PEER_HEADER]: '10.0.0.9' }), 2),
    ).toBe('192.0.2.44');
  });

  it('counts hops from the socket: a short chain ends at its first entry', () => {
    expect(clientAddress(h({ [PEER_HEADER]: '192.0.2.44' }), 1)).toBe('192.0.2.44');
    expect(clientAddress(h({ 'x-forwarded-for': '192.0.2.44', [PEER_HEADER]: '10.0.0.9' }), 3)).toBe('192.0.2.44');
  });

  it('reads header records as next-auth hands them over', () => {
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7, 192.0.2.44', [PEER_HEADER]: '10.0.0.9' }, 1)).toBe(
      '192.0.2.44',
    );
    expect(clientAddress({ 'x-forwarded-for': ['203.0.113.7', '192.0.2.44'], [PEER_HEADER]: '10.0.0.9' }, 1)).toBe(
      '192.0.2.44',
    );
    expect(clientAddress({ 'x-forwarded-for': '203.0.113.7', [PEER_HEADER]: '10.0.0.9' }, 0)).toBe('10.0.0.9');
  });

  it('has no address without the app server, whatever the client sends', () => {
    // `next start` run directly: no socket address reaches the app, and a peer header is the client's own.
    vi.stubEnv('DAYLIGHT_PEER_STAMPED', '');
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7', [PEER_HEADER]: '203.0.113.9' }), 0)).toBeNull();
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7', [PEER_HEADER]: '203.0.113.9' }), 1)).toBeNull();
  });

  it('refuses malformed values rather than counting them as addresses', () => {
    expect(clientAddress(h({ [PEER_HEADER]: '198.51.100.1' }), 0)).toBe('198.51.100.1');
    expect(clientAddress(h({}), 0)).toBeNull();
    // Behind one proxy (peer 10.0.0.9): the entry it appended, or nothing when that is not an address.
    const cases: [string, string | null][] = [
      ['unknown, not-an-ip', null],
      ['203.0.113.7, 999.1.1.1', null],
      ['203.0.113.7,<script>', null],
      ['203.0.113.7, 256.0.0.1', null],
      // Empty entries are no hop: the proxy's own entry is never empty.
      ['203.0.113.7, ', '203.0.113.7'],
      [', , ', '10.0.0.9'],
    ];
    for (const [forwarded, expected] of cases) {
      expect([forwarded, clientAddress(h({ 'x-forwarded-for': forwarded, [PEER_HEADER]: '10.0.0.9' }), 1)]).toEqual([
        forwarded,
        expected,
      ]);
    }
    expect(clientAddress(h({ [PEER_HEADER]: 'garbage' }), 0)).toBeNull();
  });

  it('normalizes ports, brackets, case and IPv4-mapped IPv6', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress(' 192.0.2.44:51234 ')).toBe('192.0.2.44');
    expect(normalizeAddress('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeAddress('2001:db8::1')).toBe('2001:db8::1');
    expect(normalizeAddress('[2001:db8::1')).toBeNull();
    expect(normalizeAddress('')).toBeNull();
    expect(normalizeAddress('a'.repeat(500))).toBeNull();
  });
});

describe('request meta', () => {
  it('records the address the limits count by, not the one the client wrote', () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '');
    const spoofed = h({
      'x-forwarded-for': '203.0.113.7',
      'x-real-ip': '203.0.113.8',
      [PEER_HEADER]: '198.51.100.1',
      'user-agent': 'ua',
    });
    expect(metaFromHeaders(spoofed)).toEqual({ ip: '198.51.100.1', userAgent: 'ua' });
    vi.stubEnv('TRUSTED_PROXY_HOPS', '1');
    expect(metaFromHeaders(h({ 'x-forwarded-for': '203.0.113.7, 192.0.2.44', [PEER_HEADER]: '10.0.0.9' })).ip).toBe(
      '192.0.2.44',
    );
  });
});

describe('TRUSTED_PROXY_HOPS', () => {
  it('defaults to 0 and accepts a small whole number', () => {
    vi.stubEnv('TRUSTED_PROXY_HOPS', '');
    expect(trustedProxyHops()).toBe(0);
    vi.stubEnv('TRUSTED_PROXY_HOPS', '2');
    expect(trustedProxyHops()).toBe(2);
  });

  it('refuses anything else instead of guessing', () => {
    for (const v of ['-1', '1.5', 'one', '1e3', '100']) {
      vi.stubEnv('TRUSTED_PROXY_HOPS', v);
      expect(() => trustedProxyHops(), v).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});
