import { listNotifications as list } from '../../../domain/notifications/inbox';
import { signedInProcedure } from '../../trpc';
import { ZListNotificationsInput, ZNotificationList } from './notifications.schema';

/** Any signed-in user's own notifications (applicants too: they are told when to act). */
export const listNotifications = signedInProcedure
  .input(ZListNotificationsInput)
  .output(ZNotificationList)
  .query(({ ctx, input }) => list(ctx.db, ctx.caller, input.limit));
