import { z } from "zod";
import { listWorkloads } from "@tessera/core";
import { pageInput } from "../../schemas";
import { tenantProcedure } from "../../trpc";

export const listWorkloadsInput = z.object({
  ...pageInput,
  filter: z
    .enum(["active", "finished", "all"], { error: "Choose active, finished or all." })
    .nullish(),
});

export const listWorkloadsProcedure = tenantProcedure("workloads.read")
  .input(listWorkloadsInput)
  .query(({ ctx, input }) => listWorkloads(ctx.tenant, input));
