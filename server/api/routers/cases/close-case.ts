import { closeUnrecoverable } from '../../../domain/cases/close';
import { creditorProcedure, requirePermission } from '../../trpc';
import { ZCloseCaseInput, ZClosedCase } from './close-case.schema';

/** Closes one of the creditor's open cases as unrecoverable (核销), with a reason; its agency loses it at once. */
export const closeCase = creditorProcedure
  .use(requirePermission('cases.close'))
  .input(ZCloseCaseInput)
  .output(ZClosedCase)
  .mutation(({ ctx, input }) => closeUnrecoverable(ctx.db, ctx.caller, input));
