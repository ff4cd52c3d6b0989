// The app's HTTP server (`npm start`, and `npm run dev` with --dev): Next.js's own request
// handler on node:http, with one addition: each request carries the address of the socket
// it came in on (server/http/peer.ts). `next start` keeps no trustworthy client address:
// it fills X-Forwarded-For in from the socket only when the client sent none.
//
//   tsx scripts/serve.ts [--dev] [-p PORT] [-H HOSTNAME]     (or PORT, HOSTNAME)
import { createServer } from 'node:http';
import { trustedProxyHops } from '../server/http/client-address';
import { stampingPeer } from '../server/http/peer';

const args = process.argv.slice(2);
const option = (...names: string[]) => {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
};
const dev = args.includes('--dev');
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? process.env.HOSTNAME;

// As `next start` and `next dev` set it, before Next.js loads.
(process.env as Record<string, string>).NODE_ENV ??= dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// Development keeps SMS in the outbox, read at /dev/sms, unless a provider is named (README, "SMS").
if (dev) process.env.SMS_PROVIDER ??= 'outbox';

try {
  trustedProxyHops();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

const { default: next } = await import('next');
const app = next({ dev, dir: process.cwd(), port, ...(hostname ? { hostname } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

// In production the tRPC calls are answered here, on the same router and checks as the
// route handler app/api/trpc serves (which development keeps, for hot reloading); the
// database handle is the process's one, shared with Next.js's copy of the code.
const api = dev
  ? null
  : {
      ...(await import('../server/api/http-handler')),
      ...(await import('../server/api/rest/node')),
      getDb: (await import('../db/client')).getDb,
    };
const server = createServer(
  stampingPeer((req, res) => {
    if (api?.isTrpcRequest(req.url)) void api.handleTrpcNode(req, res, api.getDb);
    else if (api?.isPublicApiRequest(req.url)) void api.handleApiNode(req, res, api.getDb);
    else void handle(req, res);
  }),
);
server.listen(port, hostname, () => {
  console.log(
    `Daylight ${dev ? 'development' : 'production'} server on http://${hostname ?? 'localhost'}:${port} (trusted proxy hops: ${trustedProxyHops()})`,
  );
});

const stop = () => {
  server.close(() => void app.close().finally(() => process.exit(0)));
  // Open keep-alive connections would hold the close: end them.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
