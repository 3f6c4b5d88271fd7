import { z } from "zod";
import { listClusters } from "@tessera/core";
import { pageInput } from "../../schemas";
import { platformProcedure } from "../../trpc";

export const listClustersInput = z.object({
  ...pageInput,
  includeInactive: z.boolean({ error: "includeInactive must be true or false." }).nullish(),
});

export const listClustersProcedure = platformProcedure("catalogue.read")
  .input(listClustersInput)
  .query(({ ctx, input }) => listClusters(ctx.db, input));
