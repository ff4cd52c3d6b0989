// Over real HTTP: the app's server (scripts/serve.ts) hands every request on with the
// socket's address in the peer header, whatever the client wrote in that header or in
// X-Forwarded-For, so the limits per client address count the real sender.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientAddress, PEER_HEADER, PEER_STAMPED_ENV } from './client-address';
import { stampingPeer } from './peer';

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer(
    stampingPeer((req, res) => {
      // What the app sees: the headers as passed on, read by the one address function.
      const headers = req.headers as Record<string, unknown>;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          zero: clientAddress(headers, 0),
          one: clientAddress(headers, 1),
          peer: req.headers[PEER_HEADER],
          raw: req.rawHeaders,
        }),
      );
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

// node:http rather than fetch: fetch would refuse to send some of these headers as given.
const get = (headers: IncomingHttpHeaders) =>
  new Promise<{ zero: string | null; one: string | null; peer: string; raw: string[] }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', headers: headers as Record<string, string | string[]> },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body)));
      },
    );
    req.on('error', reject);
    req.end();
  });

describe('the app server stamps the socket address', () => {
  it('marks its process so the peer header is believed', () => {
    expect(process.env[PEER_STAMPED_ENV]).toBe('1');
  });

  it('ignores a forwarded address and a peer header the client sent', async () => {
    const got = await get({ 'x-forwarded-for': '203.0.113.7', [PEER_HEADER]: '203.0.113.9' });
    expect(got.peer).toBe('127.0.0.1');
    expect(got.zero).toBe('127.0.0.1');
    // No copy of the client's peer header survives, even in the raw list.
    expect(got.raw.filter((_, i) => i % 2 === 0 && got.raw[i]?.toLowerCase() === PEER_HEADER)).toHaveLength(1);
    expect(got.raw).not.toContain('203.0.113.9');
  });

  it('refuses a repeated peer header from the client too', async () => {
    const got = await get({ [PEER_HEADER]: ['203.0.113.9', '203.0.113.10'] });
    expect(got.peer).toBe('127.0.0.1');
  });

  it('behind one trusted proxy takes the address that proxy appended', async () => {
    // This test plays the load balancer: it appended the client's address after the client's own entry.
    const got = await get({ 'x-forwarded-for': '203.0.113.7, 192.0.2.44' });
    expect(got.one).toBe('192.0.2.44');
    expect(got.zero).toBe('127.0.0.1');
  });
});
