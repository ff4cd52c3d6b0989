import { z } from 'zod';
import { parseAmountToFen, parsePercentToBp } from '@/lib/format';

/**
 * An amount typed in yuan (commas allowed, at most two decimals) read as whole fen, then
 * checked by the procedure's own fen schema: a form's box and the procedure agree on the rule.
 */
export const yuanText = <T extends z.ZodType<number, number>>(fen: T, message = 'v.amount') =>
  z
    .string()
    .transform((typed, ctx) => {
      const value = parseAmountToFen(typed);
      if (value === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return value;
    })
    .pipe(fen);

/** The same where an empty box means no amount. */
export const optionalYuanText = <T extends z.ZodType<number, number>>(fen: T, message = 'v.amount') =>
  z
    .string()
    .transform((typed, ctx) => {
      if (typed.trim() === '') return undefined;
      const value = parseAmountToFen(typed);
      if (value === null) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return value;
    })
    .pipe(fen.optional());

/**
 * Inside a form schema's transform: reads part of the form with a procedure's schema, or adds
 * its issues (under the form's own field names) and fails.
 */
export const readInto = <S extends z.ZodType>(schema: S, value: unknown, ctx: z.RefinementCtx): z.output<S> => {
  const read = schema.safeParse(value);
  if (read.success) return read.data;
  for (const issue of read.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
};

/** A percentage typed with at most two decimals read as basis points, then checked by the procedure's own schema. */
export const percentText = <T extends z.ZodType<number, number>>(bp: T) =>
  z
    .string()
    .transform((typed, ctx) => {
      const value = parsePercentToBp(typed);
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: 'v.percent' });
        return z.NEVER;
      }
      return value;
    })
    .pipe(bp);
