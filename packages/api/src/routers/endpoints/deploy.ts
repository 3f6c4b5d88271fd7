import { z } from "zod";
import { checkReplicas, deployEndpoint, ENDPOINT_LIMITS, REPLICA_MESSAGES } from "@tessera/core";
import { rowId, text } from "../../schemas";
import { organizationIdInput, verifiedTenantProcedure } from "../../trpc";

const { maxReplicas, maxUnitsPerReplica } = ENDPOINT_LIMITS;

// Strict: a field Tessera does not know (a misspelt acknowledgement) is refused, not dropped.
export const deployEndpointInput = z
  .strictObject({
    ...organizationIdInput.shape,
    name: text(
      "Endpoint name",
      ENDPOINT_LIMITS.maxNameLength,
      ENDPOINT_LIMITS.minNameLength,
    ).refine(
      (name) => /[\p{L}\p{N}]/u.test(name),
      "Endpoint name must contain a letter or a digit.",
    ),
    projectId: rowId("project"),
    allocationLineId: rowId("allocation"),
    modelId: rowId("model"),
    runtimeId: rowId("serving runtime"),
    // Only their type here: their bounds depend on one another, and are checked together below.
    unitsPerReplica: z.number({ error: REPLICA_MESSAGES.units("unit", maxUnitsPerReplica) }),
    minReplicas: z.number({ error: REPLICA_MESSAGES.min }),
    maxReplicas: z.number({ error: REPLICA_MESSAGES.max(maxReplicas) }),
    replicas: z.number({ error: REPLICA_MESSAGES.start(1, maxReplicas) }),
    idleSecondsBeforeZero: z
      .number({ error: "The idle time must be a number." })
      .int("The idle time must be a whole number of seconds.")
      .min(ENDPOINT_LIMITS.minIdleSeconds, "The idle time must be at least 1 minute.")
      .max(ENDPOINT_LIMITS.maxIdleSeconds, "The idle time must be at most 7 days.")
      .nullable(),
    // The model's licence restrictions as the deployer read and accepted them (compared with the
    // current text exactly, so not cleaned); absent or null for a model without restrictions.
    acceptedRestrictions: z
      .string({ error: "Tick the box to accept the model's licence restrictions." })
      .max(10_000, "The accepted licence restrictions are too long.")
      .nullish(),
  })
  // Each problem with the size beside its own field, in the words of the deploy form's price box.
  .superRefine((input, ctx) => {
    for (const problem of checkReplicas(input, ENDPOINT_LIMITS).problems)
      ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });

export const deployEndpointProcedure = verifiedTenantProcedure("endpoints.write")
  .input(deployEndpointInput)
  .mutation(({ ctx, input }) => deployEndpoint(ctx.tenant, ctx.actor, input));
