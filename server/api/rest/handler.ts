import type { Db } from '@/db/client';
import { LOCALES, type Locale } from '@/lib/enums';
import type { Actor, RequestMeta } from '../../auth/actor';
import { writeReadAudit } from '../../audit/write';
import { authenticateApiKey } from '../../domain/api/keys';
import {
  bodyHash,
  claimIdempotencyKey,
  keepIdempotentReply,
  releaseIdempotencyKey,
} from '../../domain/api/idempotency';
import { countApiCall, RATE_WINDOW_MS, type RateCount } from '../../domain/api/rate';
import { DomainError } from '../../errors';
import { metaFromHeaders } from '../context';
import { createCaller } from '../root';
import type { AnyEndpoint, Reply } from './endpoint';
import { ENDPOINTS } from './endpoints';
import { openApiDocument } from './openapi';
import { localeFromAcceptLanguage, problemOf, problemResponse, type Problem } from './problem';
import { routerOf } from './router';

// The public API (/api/v1): a bearer API key acts as its organization, limited to the key's
// scopes; each call is counted against the key's limit, runs the same procedures as the
// screens, answers JSON or RFC 9457 problem details, and is audited with the key's id.

export const API_BASE = '/api/v1';
const DEFAULT_MAX_BODY = 1024 * 1024;
const route = routerOf(ENDPOINTS);

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });

const rateHeaders = (r: RateCount): Record<string, string> => ({
  'RateLimit-Policy': `"per-key";q=${r.limit};w=${RATE_WINDOW_MS / 1000}`,
  RateLimit: `"per-key";r=${r.remaining};t=${r.resetSeconds}`,
  'RateLimit-Limit': String(r.limit),
  'RateLimit-Remaining': String(r.remaining),
  'RateLimit-Reset': String(r.resetSeconds),
});

const bearerOf = (req: Request): string | null => {
  const header = req.headers.get('authorization');
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? '';
};

/** The body as text, refused past `max` bytes without reading the rest. */
const readBody = async (req: Request, max: number): Promise<string> => {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw new DomainError('api.bodyTooLarge', { values: { max } });
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new DomainError('api.bodyTooLarge', { values: { max } });
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
};

/**
 * The body as a stream for an endpoint that takes a file: refused at once when it says it is
 * larger than `max`, and failed part way when more than `max` bytes arrive after all.
 */
const rawBodyOf = (req: Request, max: number): ReadableStream<Uint8Array> | null => {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw new DomainError('api.bodyTooLarge', { values: { max } });
  if (!req.body) return null;
  let size = 0;
  return req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > max) controller.error(new DomainError('api.bodyTooLarge', { values: { max } }));
        else controller.enqueue(chunk);
      },
    }),
  );
};

const parseJson = (text: string): unknown => {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('api.bodyNotJson');
  }
};

/** Query parameters as an object; a repeated name becomes a list. */
const queryOf = (url: URL) => {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
};

/**
 * The document's language: `?lang=en` or `?lang=zh-CN` when given (the reference page at
 * /developers shows the document in the page's language, whatever the browser sends), else the
 * caller's Accept-Language.
 */
const documentLocale = (url: URL, fromHeader: Locale): Locale => {
  const asked = url.searchParams.get('lang');
  return LOCALES.find((l) => l === asked) ?? fromHeader;
};

/**
 * The origin links in answers are written with (an import's URL, the document's server): the
 * app's public URL (NEXTAUTH_URL) when set, since behind a load balancer the request arrives
 * over plain http to an inside address; the request's own origin otherwise (development, tests).
 */
const publicOrigin = (url: URL) => {
  const configured = process.env.NEXTAUTH_URL;
  if (!configured) return url.origin;
  try {
    return new URL(configured).origin;
  } catch {
    return url.origin;
  }
};

type Called = { response: Response; actor: Actor | null; endpoint: AnyEndpoint | null };

const call = async (req: Request, db: Db, locale: Locale, meta: RequestMeta): Promise<Called> => {
  const url = new URL(req.url);
  const path = url.pathname.slice(API_BASE.length) || '/';
  const instance = url.pathname;
  const refuse = (e: unknown, headers: Record<string, string> = {}, actor: Actor | null = null) => ({
    response: problemResponse(problemOf(locale, e, instance), headers),
    actor,
    endpoint: null,
  });

  if (req.method === 'GET' && path === '/openapi.json')
    return {
      response: json(200, openApiDocument(documentLocale(url, locale), publicOrigin(url)), {
        'cache-control': 'public, max-age=300',
        // The same URL answers in either language when asked by Accept-Language alone.
        vary: 'Accept-Language',
      }),
      actor: null,
      endpoint: null,
    };

  const match = route(req.method, path);
  if (match.kind === 'none')
    return refuse(new DomainError('api.routeNotFound', { values: { method: req.method, path: instance } }));
  if (match.kind === 'wrongMethod')
    return refuse(
      new DomainError('api.methodNotAllowed', { values: { method: req.method, allowed: match.allowed.join(', ') } }),
      { Allow: match.allowed.join(', ') },
    );
  const { endpoint, params } = match;

  const auth = await authenticateApiKey(db, bearerOf(req), meta);
  if ('refusal' in auth) return refuse(new DomainError(auth.refusal), { 'WWW-Authenticate': 'Bearer' });
  const { actor, key } = auth;
  const rate = await countApiCall(db, key.id, key.rateLimit);
  const limits = rateHeaders(rate);
  const fail = (e: unknown, headers: Record<string, string> = {}) => ({
    ...refuse(e, { ...limits, ...headers }, actor),
    endpoint,
  });
  if (!rate.isAllowed)
    return fail(new DomainError('api.rateLimited', { values: { limit: rate.limit, seconds: rate.resetSeconds } }), {
      'Retry-After': String(rate.resetSeconds),
    });
  // A key of the other kind of organization is refused like a wrong role on the screens.
  if (actor.orgType !== endpoint.orgType) return fail(new DomainError('auth.forbidden'));
  if (!actor.apiKey?.scopes.includes(endpoint.scope))
    return fail(new DomainError('api.scopeMissing', { values: { scope: endpoint.scope } }));

  let bodyText = '';
  let raw: ReadableStream<Uint8Array> | null = null;
  let input: { params: unknown; query: unknown; body: unknown };
  try {
    if (endpoint.rawBody) raw = rawBodyOf(req, endpoint.maxBody ?? DEFAULT_MAX_BODY);
    else if (endpoint.body) bodyText = await readBody(req, endpoint.maxBody ?? DEFAULT_MAX_BODY);
    input = {
      params: endpoint.params ? endpoint.params.parse(params) : params,
      query: endpoint.query ? endpoint.query.parse(queryOf(url)) : {},
      body: endpoint.body ? endpoint.body.parse(parseJson(bodyText)) : undefined,
    };
  } catch (e) {
    return fail(e);
  }

  const idempotencyKey = endpoint.isIdempotent ? req.headers.get('idempotency-key') : null;
  if (idempotencyKey !== null) {
    try {
      const claim = await claimIdempotencyKey(
        db,
        actor.orgId,
        idempotencyKey,
        `${endpoint.method} ${endpoint.path}`,
        bodyHash(`${JSON.stringify(params)}\n${bodyText}`),
      );
      if (claim.kind === 'replay')
        return {
          response: new Response(claim.body, {
            status: claim.status,
            headers: {
              'content-type':
                claim.status >= 400 ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
              'Idempotent-Replayed': 'true',
              ...limits,
            },
          }),
          actor,
          endpoint,
        };
    } catch (e) {
      return fail(e);
    }
  }

  const caller = { actor, ...meta };
  // An API key's call: no debtor session and no cookies.
  const api = createCaller({
    db,
    actor,
    refusal: null,
    locale,
    meta,
    transport: null,
    debtorToken: null,
    setCookie: () => undefined,
  });
  let reply: Reply | null = null;
  let problem: Problem | null = null;
  try {
    reply = await endpoint.handle({
      api,
      caller,
      db,
      locale,
      ...(input as { params: never; query: never; body: never }),
      raw,
      base: `${publicOrigin(url)}${API_BASE}`,
      instance,
    });
  } catch (e) {
    problem = problemOf(locale, e, instance);
    if (problem.status >= 500) console.error('api call failed:', e);
  }
  const status = reply ? (reply.status ?? 200) : (problem?.status ?? 500);
  const text = reply ? (status === 204 ? '' : JSON.stringify(reply.body)) : JSON.stringify(problem);
  if (idempotencyKey !== null) {
    // A server fault or a busy database is no answer to keep: the retry runs the work again.
    if (status >= 500) await releaseIdempotencyKey(db, actor.orgId, idempotencyKey);
    else await keepIdempotentReply(db, actor.orgId, idempotencyKey, status, text);
  }
  const response = reply
    ? new Response(status === 204 ? null : text, {
        status,
        headers: {
          'content-type': reply.isProblem
            ? 'application/problem+json; charset=utf-8'
            : 'application/json; charset=utf-8',
          ...limits,
          ...reply.headers,
        },
      })
    : problemResponse(problem as Problem, limits);
  return { response, actor, endpoint };
};

/** Answers one request to /api/v1. */
export const handleApiRequest = async (req: Request, db: Db): Promise<Response> => {
  const locale = localeFromAcceptLanguage(req.headers.get('accept-language'));
  const meta = metaFromHeaders(req.headers);
  const { response, actor, endpoint } = await call(req, db, locale, meta);
  // Every call a key made is on the audit trail with the key's id, answered or refused.
  if (actor?.apiKey)
    await writeReadAudit(
      db,
      { actor, ...meta },
      {
        action: 'api.call',
        resourceType: 'api',
        resourceId: endpoint?.operationId ?? null,
        orgId: actor.orgId,
        after: { method: req.method, path: new URL(req.url).pathname, status: response.status },
      },
    ).catch((e: unknown) => console.error('api call audit failed:', e));
  return response;
};
