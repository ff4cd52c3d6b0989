import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { ApiScope } from '@/lib/api-scopes';
import type { Locale, OrgType } from '@/lib/enums';
import type { Caller } from '../../auth/actor';
import type { createCaller } from '../root';

// One endpoint of the public API (/api/v1): what the router matches, what the handler
// checks before it runs, and what the OpenAPI document says of it, all from one place.

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The procedures, called as the key's organization: every check of the screens applies. */
export type Procedures = ReturnType<typeof createCaller>;

export type EndpointContext<P, Q, B> = {
  api: Procedures;
  caller: Caller;
  db: Db;
  locale: Locale;
  params: P;
  query: Q;
  body: B;
  /** The request body as it arrives, for an endpoint taking a file (`rawBody`); cut off past `maxBody`. */
  raw: ReadableStream<Uint8Array> | null;
  /** The API's own origin and base path, for links in answers (`Location`). */
  base: string;
  /** The request's path, for problem details. */
  instance: string;
};

export type Reply = {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body is problem details (a refusal the endpoint answers itself, with more than one error). */
  isProblem?: boolean;
};

export type Text = { zh: string; en: string };

export type Endpoint<P = unknown, Q = unknown, B = unknown> = {
  method: Method;
  /** Under /api/v1, with `{name}` for a path parameter. */
  path: string;
  operationId: string;
  tag: 'creditor' | 'agency';
  /** The kind of organization whose keys may call it; another kind is refused (403). */
  orgType: Extract<OrgType, 'creditor' | 'agency'>;
  scope: ApiScope;
  summary: Text;
  description?: Text;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * The body is a file's bytes, not JSON: handed to the endpoint as a stream (`raw`), never
   * held whole in memory, refused past `maxBody`; the document lists the media types taken.
   */
  rawBody?: { mediaTypes: readonly string[]; description: Text };
  /** What the document shows as the body when `body` checks less itself (a batch checks its items one by one). */
  documentedBody?: z.ZodType;
  /** A request example for the reference page. */
  example?: unknown;
  /** Accepts an Idempotency-Key header (POST endpoints that create something). */
  isIdempotent?: boolean;
  /** Largest body accepted, in bytes (default 1 MB). */
  maxBody?: number;
  responses: Record<number, { description: Text; schema?: z.ZodType }>;
  // A method, not a property: the registry holds endpoints of every parameter type alike.
  handle(ctx: EndpointContext<P, Q, B>): Promise<Reply>;
};

export type AnyEndpoint = Endpoint<unknown, unknown, unknown>;

/** Keeps the parameter types of one endpoint together while the registry holds them all alike. */
export const endpoint = <P, Q, B>(e: Endpoint<P, Q, B>): AnyEndpoint => e as AnyEndpoint;
