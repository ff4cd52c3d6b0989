'use client';

import { toNestErrors } from '@hookform/resolvers';
import { useCallback } from 'react';
import { useForm, type FieldError, type FieldValues, type Resolver, type UseFormProps } from 'react-hook-form';
import { useTranslations } from 'use-intl';
import type { z } from 'zod';
import { translateIssue, type Translate } from '@/lib/validation-messages';
import type { ErrorInfo } from '../trpc/errors';

/**
 * A form checked in the browser by the procedure's own zod schema, with the words the server
 * would answer (lib/validation-messages.ts): a field's mistake shows before any request. The
 * schema's input type is the form's values; its output is what `handleSubmit` passes on.
 */
export const useZodForm = <S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {},
) => {
  const t = useTranslations() as unknown as Translate;
  const resolver = useCallback<Resolver<z.input<S>, unknown, z.output<S>>>(
    async (values, _context, resolverOptions) => {
      const parsed = await schema.safeParseAsync(values);
      if (parsed.success) return { values: parsed.data as z.output<S>, errors: {} };
      const errors: Record<string, FieldError> = {};
      for (const issue of parsed.error.issues) {
        const name = issue.path.map(String).join('.') || 'root';
        errors[name] ??= { type: issue.code, message: translateIssue(t, issue) };
      }
      return { values: {}, errors: toNestErrors(errors, resolverOptions) };
    },
    [schema, t],
  );
  return useForm<z.input<S>, unknown, z.output<S>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    ...options,
    resolver,
  });
};

/**
 * The message to show under a field: the browser's own check first, else what the procedure
 * answered for that field (a rule only the server knows, such as an email already invited).
 */
export const fieldMessage = (
  errors: Record<string, unknown>,
  server: ErrorInfo | null,
  name: string,
): string | undefined => {
  let node: unknown = errors;
  for (const part of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const own = (node as FieldError | undefined)?.message;
  return own ?? server?.fieldErrors[name]?.[0];
};
