import { z } from "zod";
import { listUndertakings } from "@tessera/core";
import { pageInput, text } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listUndertakingsInput = z.object({
  ...pageInput,
  q: text("Search", 200, 0).nullish(),
  filter: z
    .enum(["ALL", "WITH_AID", "NEAR_CEILING"], { error: "Choose which undertakings to show." })
    .nullish(),
});

/** Every undertaking's rolling three-year de minimis total against the ceiling, highest first. */
export const listUndertakingsProcedure = platformProcedure("stateAid.read")
  .input(listUndertakingsInput)
  .query(({ ctx, input }) => listUndertakings(ctx.db, input));
