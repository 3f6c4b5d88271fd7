import { z } from "zod";
import { removeClusterResource } from "@tessera/core";
import { rowId } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const removeClusterResourceInput = z.object({
  clusterId: rowId("cluster"),
  resourceClassId: rowId("resource class"),
});

export const removeClusterResourceProcedure = platformProcedure("catalogue.manage")
  .input(removeClusterResourceInput)
  .mutation(({ ctx, input }) => removeClusterResource(ctx.db, ctx.actor, input));
