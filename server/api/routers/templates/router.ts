import { decideTemplate, listCreditorTemplates } from '../../../domain/work/templates';
import { creditorProcedure, requirePermission, router } from '../../trpc';
import { ZTemplate } from '../work/work.schema';
import { ZCreditorTemplates, ZCreditorTemplatesInput, ZDecideTemplateInput } from './templates.schema';

/** The creditor's side of message templates. */
export const templatesRouter = router({
  /** Templates agencies submitted for the creditor's packages, newest first. */
  list: creditorProcedure
    .use(requirePermission('cases.read'))
    .input(ZCreditorTemplatesInput)
    .output(ZCreditorTemplates)
    .query(({ ctx, input }) => listCreditorTemplates(ctx.db, ctx.caller, input)),
  /** Approves or rejects a submitted template. */
  decide: creditorProcedure
    .use(requirePermission('packages.manage'))
    .input(ZDecideTemplateInput)
    .output(ZTemplate)
    .mutation(({ ctx, input }) => decideTemplate(ctx.db, ctx.caller, input)),
});
