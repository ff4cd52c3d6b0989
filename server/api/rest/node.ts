import type { IncomingMessage, ServerResponse } from 'node:http';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import type { Db } from '@/db/client';
import { API_SECURITY_HEADERS } from '../../http/api-headers';
import { API_BASE, handleApiRequest } from './handler';

// The app's own server (scripts/serve.ts) answers /api/v1 straight on node:http in production,
// as it does tRPC: the same handler the route app/api/v1 serves, without a trip through
// Next.js's routing for every call a loan system or dialer makes.

export const isPublicApiRequest = (url: string | undefined) =>
  url === API_BASE || Boolean(url?.startsWith(`${API_BASE}/`)) || Boolean(url?.startsWith(`${API_BASE}?`));

export const handleApiNode = async (req: IncomingMessage, res: ServerResponse, db: () => Db): Promise<void> => {
  try {
    // The handler reads the body itself, refusing it past each endpoint's limit.
    const response = await handleApiRequest(incomingMessageToRequest(req, res, { maxBodySize: null }), db());
    const body = Buffer.from(await response.arrayBuffer());
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.setHeader('content-length', body.length);
    res.end(body);
  } catch (e) {
    console.error('API request failed:', e);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    } else res.destroy();
  }
};
