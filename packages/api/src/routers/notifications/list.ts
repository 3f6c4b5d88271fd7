import { z } from "zod";
import { listNotifications } from "@tessera/core";
import { pageInput } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const listNotificationsInput = z.object({
  ...pageInput,
  unreadOnly: z.boolean({ error: "unreadOnly must be true or false." }).nullish(),
});

/** The signed-in user's notifications (their own and their organisations'), newest first. */
export const listNotificationsProcedure = authedProcedure
  .input(listNotificationsInput)
  .query(({ ctx, input }) => listNotifications(ctx.db, ctx.user.id, input));
