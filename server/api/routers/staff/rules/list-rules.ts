import { listRuleSets } from '../../../../domain/rules/publish';
import { requirePermission, staffProcedure } from '../../../trpc';
import { ZRuleSets } from './rules.schema';

/** Every published version of the rulebook, newest first. */
export const listRules = staffProcedure
  .use(requirePermission('rules.read'))
  .output(ZRuleSets)
  .query(({ ctx }) => listRuleSets(ctx.db));
