import { TRPCError } from '@trpc/server';
import type { $ZodIssue } from 'zod/v4/core';
import { ZodError } from 'zod';
import type { Locale } from '@/lib/enums';
import { DOMAIN_ERRORS, DomainError } from '../errors';
import { getTranslate, hasMessage } from '../i18n/translate';
import { translateIssue as translateZodIssue } from '@/lib/validation-messages';

export const toTRPCError = (e: DomainError): TRPCError =>
  new TRPCError({ code: DOMAIN_ERRORS[e.code], message: e.code, cause: e });

const fieldLabel = (locale: Locale, path: readonly PropertyKey[]): string => {
  const name = String(path.filter((p) => typeof p === 'string').at(-1) ?? '');
  return hasMessage(locale, `fields.${name}`) ? getTranslate(locale)(`fields.${name}`) : name;
};

/** One zod issue in the caller's language (lib/validation-messages.ts, shared with the forms). */
export const translateIssue = (locale: Locale, issue: $ZodIssue): string =>
  translateZodIssue(getTranslate(locale), issue);

export type FieldErrors = Record<string, string[]>;

export const zodFieldErrors = (locale: Locale, error: ZodError): { fieldErrors: FieldErrors; message: string } => {
  const fieldErrors: FieldErrors = {};
  const lines: string[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    const text = translateIssue(locale, issue);
    (fieldErrors[field] ??= []).push(text);
    lines.push(field === '_' ? text : `${fieldLabel(locale, issue.path)}: ${text}`);
  }
  if (error.issues.some((i) => i.code === 'unrecognized_keys')) {
    // Keys not in the schema are named by the issue itself, so label them too.
    for (const issue of error.issues) {
      if (issue.code === 'unrecognized_keys')
        for (const k of issue.keys) fieldErrors[k] ??= [translateIssue(locale, issue)];
    }
  }
  return { fieldErrors, message: lines.join('; ') };
};

/** Message and machine-readable details for any error a procedure raised. */
export const describeError = (locale: Locale, error: TRPCError) => {
  const t = getTranslate(locale);
  if (error.cause instanceof ZodError) {
    const { fieldErrors, message } = zodFieldErrors(locale, error.cause);
    return { message, domainCode: 'input.invalid', fieldErrors };
  }
  if (error.cause instanceof DomainError) {
    const { code, details } = error.cause;
    const joiner = locale === 'en' ? ', ' : '、';
    const labels = Object.fromEntries(
      Object.entries(details.labels ?? {}).map(([k, key]) => [
        k,
        typeof key === 'string' ? t(key) : key.map((one) => t(one)).join(joiner),
      ]),
    );
    const message = t(`errors.${code}`, { ...details.values, ...labels });
    return { message, domainCode: code, fieldErrors: details.field ? { [details.field]: [message] } : null };
  }
  if (error.code === 'INTERNAL_SERVER_ERROR')
    return { message: t('errors.internal'), domainCode: 'internal', fieldErrors: null };
  const key = `errors.transport.${error.code}`;
  return { message: hasMessage(locale, key) ? t(key) : error.message, domainCode: null, fieldErrors: null };
};
