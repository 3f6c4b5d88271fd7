import { z } from "zod";
import {
  getNotificationPreferences,
  NOTIFICATION_KINDS,
  setNotificationPreferences,
} from "@tessera/core";
import { noInput } from "../../schemas";
import { authedProcedure } from "../../trpc";

export const setNotificationPreferencesInput = z.object({
  preferences: z
    .array(
      z.object({
        kind: z.enum(NOTIFICATION_KINDS, { error: "Unknown kind of notification." }),
        mail: z.boolean({ error: "mail must be true or false." }),
      }),
      { error: "Preferences must be a list." },
    )
    .max(NOTIFICATION_KINDS.length, "Give each kind of notification at most once."),
});

/** Which kinds of notification the signed-in user also receives by mail. */
export const getNotificationPreferencesProcedure = authedProcedure
  .input(noInput)
  .query(({ ctx }) => getNotificationPreferences(ctx.db, ctx.user.id));

/** Turns the mail of some kinds of notification on or off for the signed-in user. */
export const setNotificationPreferencesProcedure = authedProcedure
  .input(setNotificationPreferencesInput)
  .mutation(({ ctx, input }) => setNotificationPreferences(ctx.db, ctx.user.id, input.preferences));
