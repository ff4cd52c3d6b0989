import { z } from 'zod';
import { publishRuleSet } from '../../../../domain/rules/publish';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZPublishInput } from './rules.schema';

/** Publishes a tighter rulebook as the next version (never looser than the national floor). */
export const publishRules = staffProcedure
  .use(requirePermission('rules.manage'))
  .input(ZPublishInput)
  .output(z.object({ version: z.number().int() }))
  .mutation(({ ctx, input }) => publishRuleSet(ctx.db, ctx.caller, input));
