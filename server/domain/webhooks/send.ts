import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { WebhookTarget } from './url';

// One POST of a webhook, to the address that was checked. No redirects are followed (a
// 3xx could point anywhere, the platform's own network included): it counts as a failure.

export type SendResult = { statusCode: number | null; durationMs: number; error: string | null };

/** How long a receiver has to answer: 10 s unless `WEBHOOK_TIMEOUT_MS` says otherwise (tests). */
export const webhookTimeoutMs = (): number => {
  const n = Number(process.env.WEBHOOK_TIMEOUT_MS);
  return Number.isFinite(n) && n > 0 ? n : 10_000;
};

export const postWebhook = (
  target: WebhookTarget,
  body: string,
  headers: Record<string, string>,
  timeoutMs = webhookTimeoutMs(),
): Promise<SendResult> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The connection goes to the checked address whatever the resolver would answer now;
  // TLS still verifies the certificate against the URL's host name.
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let isSettled = false;
    const settle = (r: SendResult) => {
      if (isSettled) return;
      isSettled = true;
      resolve(r);
    };
    const signal = AbortSignal.timeout(timeoutMs);
    const req = send(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        signal,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Daylight-Webhooks/1',
        },
      },
      (res: IncomingMessage) => {
        // The answer's body is not kept: only its status counts.
        res.resume();
        res.on('error', () => undefined);
        settle({ statusCode: res.statusCode ?? null, durationMs: elapsed(), error: null });
        res.destroy();
      },
    );
    req.on('error', (e: Error & { code?: string }) => {
      const isTimeout = signal.aborted;
      settle({
        statusCode: null,
        durationMs: elapsed(),
        error: isTimeout ? `timeout after ${timeoutMs} ms` : (e.code ?? e.message).slice(0, 200),
      });
    });
    req.end(body);
  });
};
