import { z } from "zod";
import { submitWorkload, WORKLOAD_LIMITS } from "@tessera/core";
import { text } from "../../schemas";
import { verifiedTenantProcedure } from "../../trpc";
import { workloadShapeInput, workloadSourceInput } from "./inputs";

export const submitWorkloadInput = z.object({
  ...workloadShapeInput,
  name: text("Job name", 120, 2),
  source: workloadSourceInput,
  simSeconds: z
    .number({ error: "The simulated run length must be a number." })
    .int("The simulated run length must be a whole number of seconds.")
    .min(1, "A simulated run lasts at least 1 second.")
    .max(WORKLOAD_LIMITS.maxSimSeconds, "A simulated run lasts at most 1 hour.")
    .nullish(),
});

export const submitWorkloadProcedure = verifiedTenantProcedure("workloads.write")
  .input(submitWorkloadInput)
  .mutation(({ ctx, input }) => submitWorkload(ctx.tenant, ctx.actor, input));
