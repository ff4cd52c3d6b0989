import { z } from 'zod';
import { markNotificationsRead } from '../../../domain/notifications/inbox';
import { signedInProcedure } from '../../trpc';
import { ZMarkReadInput } from './notifications.schema';

export const markRead = signedInProcedure
  .input(ZMarkReadInput)
  .output(z.object({ marked: z.number().int() }))
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.caller, input.ids));
