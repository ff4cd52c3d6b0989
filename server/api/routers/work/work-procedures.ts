import { z } from 'zod';
import { canContact as can, listCaseActions, logAction as log } from '../../../domain/work/actions';
import { getWorkCase, revealNumber } from '../../../domain/work/case-page';
import { listQueue } from '../../../domain/work/queue';
import { listCaseRestructures, proposeRestructure as propose } from '../../../domain/work/restructure';
import { listAgencyTemplates, listWorkedPackages, submitTemplate as submit } from '../../../domain/work/templates';
import { agencyProcedure, requirePermission } from '../../trpc';
import { ZActionList, ZActionsInput, ZCanContactInput, ZCaseIdInput, ZLogActionInput, ZLogActionResult, ZProposeRestructureInput, ZQueue, ZQueueInput, ZRestructure, ZRevealInput, ZSubmitTemplateInput, ZTemplate, ZAgencyTemplatesInput, ZRevealResult, ZVerdict, ZWorkCase } from './work.schema';

const working = agencyProcedure.use(requirePermission('cases.work'));

/** The case page: debtor, numbers and contacts masked; loan figures; stage. */
export const getCase = working
  .input(ZCaseIdInput)
  .output(ZWorkCase)
  .query(({ ctx, input }) => getWorkCase(ctx.db, ctx.caller, input.caseId));

/** The agency's own actions on the case, newest first. */
export const listActions = working
  .input(ZActionsInput)
  .output(ZActionList)
  .query(({ ctx, input }) => listCaseActions(ctx.db, ctx.caller, input));

/** Asked before dialling: may this contact happen now, and if not, which rule and when. */
export const canContact = working
  .input(ZCanContactInput)
  .output(ZVerdict)
  .query(({ ctx, input }) => can(ctx.db, ctx.caller, input));

/** Logs an action after the rulebook allows it (a hard rule refuses it with its reason). */
export const logAction = working
  .input(ZLogActionInput)
  .output(ZLogActionResult)
  .mutation(({ ctx, input }) => log(ctx.db, ctx.caller, input));

/** One full number, for a reason, audited. */
export const reveal = working
  .input(ZRevealInput)
  .output(ZRevealResult)
  .mutation(({ ctx, input }) => revealNumber(ctx.db, ctx.caller, input));

/** The collector's own cases, what is due first. */
export const queue = working
  .input(ZQueueInput)
  .output(ZQueue)
  .query(({ ctx, input }) => listQueue(ctx.db, ctx.caller, input));

/** The restructuring requests on the case. */
export const restructures = working
  .input(ZCaseIdInput)
  .output(z.array(ZRestructure))
  .query(({ ctx, input }) => listCaseRestructures(ctx.db, ctx.caller, input.caseId));

/** Proposes a reduction, deferral or instalments: inside the package's bands approved at once. */
export const proposeRestructure = working
  .input(ZProposeRestructureInput)
  .output(ZRestructure)
  .mutation(({ ctx, input }) => propose(ctx.db, ctx.caller, input));

/** The agency's message templates (approved ones are what may be sent). */
export const templates = working
  .input(ZAgencyTemplatesInput)
  .output(z.array(ZTemplate))
  .query(({ ctx, input }) => listAgencyTemplates(ctx.db, ctx.caller, input));

/** Submits an SMS or letter template for a package: a forbidden phrase refuses it outright. */
export const submitTemplate = agencyProcedure
  .use(requirePermission('templates.manage'))
  .input(ZSubmitTemplateInput)
  .output(ZTemplate)
  .mutation(({ ctx, input }) => submit(ctx.db, ctx.caller, input));

/** The packages the agency works now. */
export const packagesWorked = working
  .input(z.object({}).optional())
  .output(z.array(z.object({ id: z.string(), name: z.string() })))
  .query(({ ctx }) => listWorkedPackages(ctx.db, ctx.caller));
