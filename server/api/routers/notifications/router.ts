import { listNotifications, markNotificationsRead } from '../../../domain/notifications/inbox';
import { router, signedInProcedure } from '../../trpc';
import { ZListNotificationsInput, ZMarkReadInput, ZMarkReadResult, ZNotificationList } from './notifications.schema';

export const notificationsRouter = router({
  /** Any signed-in user's own notifications (applicants too: they are told when to act). */
  list: signedInProcedure
    .input(ZListNotificationsInput)
    .output(ZNotificationList)
    .query(({ ctx, input }) => listNotifications(ctx.db, ctx.caller, input.limit)),
  markRead: signedInProcedure
    .input(ZMarkReadInput)
    .output(ZMarkReadResult)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.caller, input.ids)),
});
