import { createTRPCRouter } from "../../trpc";
import { listNotificationsProcedure } from "./list";
import { markNotificationsReadProcedure } from "./mark-read";

export const notificationsRouter = createTRPCRouter({
  list: listNotificationsProcedure,
  markRead: markNotificationsReadProcedure,
});
