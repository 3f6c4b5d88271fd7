import type { Database } from "@tessera/db";
import { visibleNotifications } from "./list-notifications";

/**
 * Marks the given notifications (or, without ids, all of them) read for the user. Ids the user may
 * not see are ignored, exactly like ids that do not exist.
 */
export async function markNotificationsRead(
  database: Database,
  userId: string,
  input: { notificationIds?: string[] | null },
): Promise<{ updated: number; unreadCount: number }> {
  const visible = visibleNotifications(userId);
  const { count } = await database.notification.updateMany({
    where: {
      AND: [
        visible,
        { readAt: null },
        input.notificationIds ? { id: { in: input.notificationIds } } : {},
      ],
    },
    data: { readAt: new Date() },
  });
  const unreadCount = await database.notification.count({
    where: { AND: [visible, { readAt: null }] },
  });
  return { updated: count, unreadCount };
}
