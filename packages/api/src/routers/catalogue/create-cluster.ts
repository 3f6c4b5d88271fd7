import { z } from "zod";
import { createCluster } from "@tessera/core";
import { text } from "../../schemas";
import { platformProcedure } from "../../trpc";
import {
  catalogueCodeInput,
  clusterKindInput,
  jurisdictionInput,
} from "../programmes/shared-inputs";

export const clusterEndpointInput = text("Endpoint", 500, 0).nullish();

export const createClusterInput = z.object({
  code: catalogueCodeInput("cluster"),
  name: text("Name", 120, 2),
  kind: clusterKindInput,
  region: text("Region", 80),
  jurisdiction: jurisdictionInput,
  endpoint: clusterEndpointInput,
});

export const createClusterProcedure = platformProcedure("catalogue.manage")
  .input(createClusterInput)
  .mutation(({ ctx, input }) => createCluster(ctx.db, ctx.actor, input));
