import { STATUS_CODES } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ZodError } from 'zod';
import type { Locale } from '@/lib/enums';
import { databaseFault, DomainError } from '../../errors';
import { describeError, toTRPCError } from '../errors';

// Errors of the public API as RFC 9457 problem details: the status, the domain code the
// screens carry (`code`), the message in the caller's language (`detail`), and for bad
// input every field named (`errors`, with a JSON pointer into the request).

export const PROBLEM_TYPE = 'application/problem+json';

export type ProblemField = {
  /** JSON pointer into the request body (`/items/3/idNumber`), or the parameter's name. */
  pointer: string;
  /** The index of the batch item, for a batch. */
  index?: number;
  field: string;
  code?: string;
  message: string;
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  /** What the message was filled with (a rule's next allowed time, a limit), for programs to read. */
  values?: Record<string, string | number>;
  errors?: ProblemField[];
};

const typeOf = (code: string) => `urn:daylight:problem:${code}`;

const pointerOf = (field: string) => (field === '_' ? '' : `/${field.split('.').join('/')}`);

/** The problem an error raised by a procedure, a domain function or the input check stands for. */
export const problemOf = (locale: Locale, error: unknown, instance?: string): Problem => {
  const trpc =
    error instanceof TRPCError
      ? error
      : error instanceof DomainError
        ? toTRPCError(error)
        : error instanceof ZodError
          ? new TRPCError({ code: 'BAD_REQUEST', cause: error })
          : (() => {
              const fault = databaseFault(error);
              return fault
                ? toTRPCError(new DomainError(fault, {}, { cause: error }))
                : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
            })();
  const { message, domainCode, fieldErrors } = describeError(locale, trpc);
  const status = getHTTPStatusCodeFromError(trpc);
  const errors = Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages.map((m) => ({ pointer: pointerOf(field), field, message: m })),
  );
  const code = domainCode ?? trpc.code;
  const values = trpc.cause instanceof DomainError ? trpc.cause.details.values : undefined;
  return {
    type: typeOf(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: message,
    code,
    ...(instance ? { instance } : {}),
    ...(values && Object.keys(values).length > 0 ? { values } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
};

export const problemResponse = (problem: Problem, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': `${PROBLEM_TYPE}; charset=utf-8`, ...headers },
  });

/** Accept-Language → the product's language: English when asked for before Chinese, Chinese otherwise. */
export const localeFromAcceptLanguage = (header: string | null): Locale => {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
};
