import { z } from "zod";
import { markNotificationsRead } from "@tessera/core";
import { rowId } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const markNotificationsReadInput = z.object({
  notificationIds: z
    .array(rowId("notification"), { error: "Notification ids must be a list." })
    .max(100, "Mark at most 100 notifications at once.")
    .nullish(),
});

/** Marks the given notifications read, or all of them when no ids are given. */
export const markNotificationsReadProcedure = authedProcedure
  .input(markNotificationsReadInput)
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.user.id, input));
