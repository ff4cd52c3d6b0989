import type { $ZodIssue } from 'zod/v4/core';

/** A translate function of either side: the server's catalog lookup or use-intl's `t`. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One zod issue in the reader's language, the same words in the browser's form check and in
 * the procedure's answer. Schemas name catalog keys as `v.<key>` (messages/*.json → validation),
 * or `e.<key>` for a domain rule's own words (→ errors), so a form says what the procedure would.
 */
export const translateIssue = (t: Translate, issue: $ZodIssue): string => {
  if (issue.message.startsWith('v.')) return t(`validation.${issue.message.slice(2)}`);
  if (issue.message.startsWith('e.')) return t(`errors.${issue.message.slice(2)}`);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.tooShort', { min: Number(issue.minimum) })
        : t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { max: Number(issue.maximum) })
        : t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      return t('validation.invalidFormat');
    case 'invalid_value':
      return t('validation.invalidOption');
    case 'unrecognized_keys':
      return t('validation.unknownFields', { keys: issue.keys.join(', ') });
    case 'invalid_type':
      return issue.input === undefined ? t('validation.required') : t('validation.invalidType');
    default:
      return t('validation.invalid');
  }
};
