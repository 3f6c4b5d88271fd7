import { z } from "zod";
import { updateCluster } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import { jurisdictionInput } from "../programmes/shared-inputs";
import { clusterEndpointInput } from "./create-cluster";

export const updateClusterInput = z.object({
  clusterId: rowId("cluster"),
  name: text("Name", 120, 2).optional(),
  region: text("Region", 80).optional(),
  jurisdiction: jurisdictionInput.optional(),
  endpoint: clusterEndpointInput,
  active: z.boolean({ error: "Active must be true or false." }).optional(),
});

export const updateClusterProcedure = platformProcedure("catalogue.manage")
  .input(updateClusterInput)
  .mutation(({ ctx, input }) => updateCluster(ctx.db, ctx.actor, input));
