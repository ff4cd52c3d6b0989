import autocannon from 'autocannon';
import { CSRF_HEADER } from '../../server/api/transport.schema';
import { groupCpuMs } from './cpu';
import type { LoadRequest } from './endpoints';

// Drives one endpoint with autocannon: one connection per signed-in user (its own session
// cookie), each sending its next request as soon as the last one answered. Latencies are
// taken from every response, whatever its status, so refusals and faults count too.

export type Target = {
  label: string;
  baseUrl: string;
  /** One Cookie header per user ('' for none); the number of users is the concurrency. */
  cookies: readonly string[];
  request: (user: number) => LoadRequest;
  /** The server's process group, to report its CPU milliseconds per request. */
  serverPgid?: number;
};

export type Response = { at: number; status: number; ms: number };

export type Stats = {
  label: string;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  ok: number;
  /** 4xx: refusals by the rules or the domain, not faults. */
  refused: number;
  /** Every 5xx, and of them the 500s (server faults) and 503s (database unavailable). */
  failed: number;
  s500: number;
  s503: number;
  /** Connection errors and timeouts (no HTTP answer at all). */
  errors: number;
  byStatus: Record<number, number>;
  /** The server's CPU milliseconds per answered request while measured (null when unknown). */
  cpuMsPerRequest: number | null;
};

export type Run = {
  stop: () => void;
  done: Promise<{
    responses: Response[];
    errors: number;
    errorKinds: Record<string, number>;
    bodies5xx: string[];
    seconds: number;
  }>;
};

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export const summarize = (label: string, responses: readonly Response[], errors: number, seconds: number): Stats => {
  const sorted = responses.map((r) => r.ms).sort((a, b) => a - b);
  const byStatus: Record<number, number> = {};
  for (const r of responses) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const count = (from: number, to: number) => responses.filter((r) => r.status >= from && r.status < to).length;
  return {
    label,
    seconds,
    requests: responses.length,
    rps: responses.length / seconds,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    ok: count(200, 300),
    refused: count(400, 500),
    failed: count(500, 600),
    s500: byStatus[500] ?? 0,
    s503: byStatus[503] ?? 0,
    errors,
    byStatus,
    cpuMsPerRequest: null,
  };
};

/** Starts driving `target` for `seconds` (or until stopped); the responses come with the time they arrived. */
export const start = (target: Target, seconds: number): Run => {
  const responses: Response[] = [];
  const bodies5xx: string[] = [];
  const errorKinds: Record<string, number> = {};
  let errors = 0;
  const begun = performance.now();
  const instances: autocannon.Instance[] = [];
  const finished = target.cookies.map(
    (cookie, user) =>
      new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url: target.baseUrl,
            connections: 1,
            duration: seconds,
            timeout: 30,
            requests: [
              {
                setupRequest: (req) => {
                  const next = target.request(user);
                  const headers = {
                    ...req.headers,
                    ...(cookie ? { cookie } : {}),
                    ...(next.body ? { 'content-type': 'application/json', [CSRF_HEADER]: '1' } : {}),
                  };
                  return {
                    ...req,
                    method: next.method,
                    path: next.path,
                    headers,
                    ...(next.body ? { body: next.body } : {}),
                  };
                },
                onResponse: (status, body) => {
                  if (status >= 500 && bodies5xx.length < 20) bodies5xx.push(body);
                },
              },
            ],
          },
          (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
        );
        instance.on('response', (_client, status, _bytes, ms) => responses.push({ at: performance.now(), status, ms }));
        instance.on('reqError', (e: unknown) => {
          errors += 1;
          const kind = e instanceof Error ? ((e as Error & { code?: string }).code ?? e.message) : String(e);
          errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        });
        instances.push(instance);
      }),
  );
  return {
    stop: () => {
      for (const i of instances) i.stop();
    },
    done: Promise.all(finished).then(() => ({
      responses,
      errors,
      errorKinds,
      bodies5xx,
      seconds: (performance.now() - begun) / 1000,
    })),
  };
};

/** Warms the endpoint up (not counted), then measures it. */
export const measure = async (
  target: Target,
  seconds: number,
  warmupSeconds: number,
): Promise<Stats & { bodies5xx: string[] }> => {
  if (warmupSeconds > 0) await start(target, warmupSeconds).done;
  const cpuBefore = target.serverPgid ? groupCpuMs(target.serverPgid) : null;
  const { responses, errors, bodies5xx, seconds: took } = await start(target, seconds).done;
  const cpuAfter = target.serverPgid ? groupCpuMs(target.serverPgid) : null;
  const stats = summarize(target.label, responses, errors, took);
  const cpuMsPerRequest =
    cpuBefore !== null && cpuAfter !== null && responses.length > 0 ? (cpuAfter - cpuBefore) / responses.length : null;
  return { ...stats, cpuMsPerRequest, bodies5xx };
};
