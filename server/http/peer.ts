import type { IncomingMessage, RequestListener } from 'node:http';
import { PEER_HEADER, PEER_STAMPED_ENV } from './client-address';

/** Replaces any peer header the client sent with the address of the socket the request came in on. */
export const stampPeer = (req: IncomingMessage): void => {
  const address = req.socket.remoteAddress ?? '';
  delete req.headers[PEER_HEADER];
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    if (name.toLowerCase() !== PEER_HEADER) raw.push(name, req.rawHeaders[i + 1] ?? '');
  }
  if (address) {
    req.headers[PEER_HEADER] = address;
    raw.push(PEER_HEADER, address);
  }
  req.rawHeaders = raw;
};

/**
 * The app server's request handler: every request reaches `handle` with the socket
 * address in the peer header (server/http/client-address.ts), and this process is marked
 * as one whose peer header can be believed.
 */
export const stampingPeer = (handle: RequestListener): RequestListener => {
  process.env[PEER_STAMPED_ENV] = '1';
  return (req, res) => {
    stampPeer(req);
    handle(req, res);
  };
};
