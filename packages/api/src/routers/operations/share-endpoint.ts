import { z } from "zod";
import { setEndpointShared } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const shareEndpointInput = z.object({
  endpointId: rowId("endpoint"),
  shared: z.boolean({ error: "Shared must be true or false." }),
});

/** Shares an endpoint with every organisation holding tokens of its model's tier, or stops. */
export const shareEndpointProcedure = platformProcedure("endpoints.share")
  .input(shareEndpointInput)
  .mutation(({ ctx, input }) => setEndpointShared(ctx.db, ctx.actor, input));
