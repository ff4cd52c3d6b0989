import { decideTemplate as decide, listCreditorTemplates } from '../../../domain/work/templates';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZCreditorTemplates, ZCreditorTemplatesInput, ZDecideTemplateInput, ZTemplate } from '../work/work.schema';

/** Templates agencies submitted for the creditor's packages, newest first. */
const listTemplates = creditorProcedure
  .use(requirePermission('cases.read'))
  .input(ZCreditorTemplatesInput)
  .output(ZCreditorTemplates)
  .query(({ ctx, input }) => listCreditorTemplates(ctx.db, ctx.caller, input));

/** Approves or rejects a submitted template. */
const decideTemplate = creditorProcedure
  .use(requirePermission('packages.manage'))
  .input(ZDecideTemplateInput)
  .output(ZTemplate)
  .mutation(({ ctx, input }) => decide(ctx.db, ctx.caller, input));

/** The creditor's side of message templates. */
export const templatesRouter = router({ list: listTemplates, decide: decideTemplate });
