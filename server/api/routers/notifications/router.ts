import { router } from '../../trpc';
import { listNotifications } from './list-notifications';
import { markRead } from './mark-read';

export const notificationsRouter = router({ list: listNotifications, markRead });
