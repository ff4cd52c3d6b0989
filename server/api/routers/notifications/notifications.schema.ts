import { z } from 'zod';

export const ZListNotificationsInput = z.object({ limit: z.number().int().min(1).max(50).default(20) });
export const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  params: z.record(z.string(), z.string()),
  link: z.string(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
export const ZNotificationList = z.object({ items: z.array(ZNotification), unread: z.number().int() });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZMarkReadInput = z.object({ ids: z.union([z.array(z.uuid()).min(1).max(100), z.literal('all')]) });
export const ZMarkReadResult = z.object({ marked: z.number().int() });
