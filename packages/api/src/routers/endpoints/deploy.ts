import { z } from "zod";
import { deployEndpoint, ENDPOINT_LIMITS } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { verifiedTenantProcedure } from "../../trpc";
import { replicasInput } from "./inputs";

export const deployEndpointInput = z.object({
  name: text("Endpoint name", ENDPOINT_LIMITS.maxNameLength, ENDPOINT_LIMITS.minNameLength).refine(
    (name) => /[\p{L}\p{N}]/u.test(name),
    "Endpoint name must contain a letter or a digit.",
  ),
  projectId: rowId("project"),
  allocationLineId: rowId("allocation"),
  modelId: rowId("model"),
  runtimeId: rowId("serving runtime"),
  unitsPerReplica: z
    .number({ error: "Units per replica must be a number." })
    .int("Units per replica must be a whole number.")
    .min(1, "Units per replica must be at least 1.")
    .max(
      ENDPOINT_LIMITS.maxUnitsPerReplica,
      `Units per replica must be at most ${ENDPOINT_LIMITS.maxUnitsPerReplica}.`,
    ),
  minReplicas: replicasInput("Minimum replicas", 0),
  maxReplicas: replicasInput("Maximum replicas", 1),
  replicas: replicasInput("Replicas", 1),
  idleSecondsBeforeZero: z
    .number({ error: "The idle time must be a number." })
    .int("The idle time must be a whole number of seconds.")
    .min(ENDPOINT_LIMITS.minIdleSeconds, "The idle time must be at least 1 minute.")
    .max(ENDPOINT_LIMITS.maxIdleSeconds, "The idle time must be at most 7 days.")
    .nullable(),
});

export const deployEndpointProcedure = verifiedTenantProcedure("endpoints.write")
  .input(deployEndpointInput)
  .mutation(({ ctx, input }) => deployEndpoint(ctx.tenant, ctx.actor, input));
