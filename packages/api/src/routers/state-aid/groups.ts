import { z } from "zod";
import { createUndertakingGroup, listUndertakingGroups } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { undertakingGroupFields } from "./inputs";

export const listUndertakingGroupsInput = z.object({
  q: text("Search", 200, 0).nullish(),
  limit: z
    .number({ error: "The page size must be a number." })
    .int("The page size must be a whole number.")
    .min(1, "Show at least 1 group.")
    .max(100, "Show at most 100 groups.")
    .optional(),
});

/** Undertaking groups by name, with their organisations. */
export const listUndertakingGroupsProcedure = platformProcedure("stateAid.read")
  .input(listUndertakingGroupsInput)
  .query(({ ctx, input }) => listUndertakingGroups(ctx.db, input));

export const createUndertakingGroupInput = z.object(undertakingGroupFields);

/** Records a group of linked organisations (one undertaking for the ceiling). Audited. */
export const createUndertakingGroupProcedure = platformProcedure("stateAid.manage")
  .input(createUndertakingGroupInput)
  .mutation(({ ctx, input }) => createUndertakingGroup(ctx.db, ctx.actor, input));
