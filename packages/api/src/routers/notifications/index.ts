import { createTRPCRouter } from "../../trpc";
import { listNotificationsProcedure } from "./list";
import { markNotificationsReadProcedure } from "./mark-read";
import {
  getNotificationPreferencesProcedure,
  setNotificationPreferencesProcedure,
} from "./preferences";

export const notificationsRouter = createTRPCRouter({
  list: listNotificationsProcedure,
  markRead: markNotificationsReadProcedure,
  preferences: getNotificationPreferencesProcedure,
  setPreferences: setNotificationPreferencesProcedure,
});
