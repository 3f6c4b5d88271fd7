import type { Database, Notification, Prisma } from "@tessera/db";
import {
  afterTimeCursor,
  pageSize,
  TIME_ORDER,
  timeCursorOf,
  toPage,
  type Page,
  type PageInput,
} from "../pagination";

/**
 * Which notifications a user may see: their own, and those addressed to a whole organisation they
 * belong to. Read by user id across organisations, like the user's own membership list.
 */
export function visibleNotifications(userId: string): Prisma.NotificationWhereInput {
  return {
    OR: [{ userId }, { userId: null, organization: { memberships: { some: { userId } } } }],
  };
}

export async function listNotifications(
  database: Database,
  userId: string,
  input: PageInput & { unreadOnly?: boolean | null },
): Promise<Page<Notification> & { unreadCount: number }> {
  const size = pageSize(input.limit);
  const visible = visibleNotifications(userId);
  const [rows, unreadCount] = await Promise.all([
    database.notification.findMany({
      where: {
        AND: [visible, input.unreadOnly ? { readAt: null } : {}, afterTimeCursor(input.cursor)],
      },
      orderBy: TIME_ORDER,
      take: size + 1,
    }),
    database.notification.count({ where: { AND: [visible, { readAt: null }] } }),
  ]);
  return { ...toPage(rows, size, timeCursorOf), unreadCount };
}
